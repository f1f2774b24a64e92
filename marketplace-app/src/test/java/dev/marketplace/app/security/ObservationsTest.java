package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A signed-in request is measured as a request and as a GraphQL request, but not filter by filter by Spring
 * Security: those observations cost a search 4 % and a command 8 % of their CPU, and nobody reads them. Nor is each program's
 * install count and rating timed on its own: they only ask the request's loader, and are marked trivial for it
 * (Spring left them untimed when they were controller methods taking the loader; as plain fetchers only the mark
 * does).
 */
@MarketplaceIntegrationTest
class ObservationsTest extends MarketplaceClientTest {

    @Autowired
    WebTestClient web;
    @Autowired
    MeterRegistry meters;

    @Test
    void requestsAreObservedButNotTheSecurityFilters() {
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
           .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.forUser("observed-user", Role.USER))
           .bodyValue("{\"query\":\"{ suggest(prefix: \\\"ob\\\") }\"}")
           .exchange().expectStatus().isOk();

        assertThat(meters.getMeters()).extracting(m -> m.getId().getName())
                .contains("http.server.requests", "graphql.request")
                .noneMatch(name -> name.startsWith("spring.security."));
        assertThat(meters.find("http.server.requests").tag("uri", "/graphql").meters()).isNotEmpty()
                .allSatisfy((Meter m) -> assertThat(m.getId().getTag("status")).isNotNull());
    }

    @Test
    void eachProgramsInstallCountAndRatingAreNotTimedOneByOne() {
        String id = marketplace.publish("observed-dev", "Observed Program");
        marketplace.install("observed-user", id);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .document("query($id: ID!) { miniProgram(id: $id) { name installCount rating { count } } }")
                .variable("id", id).execute()
                .path("miniProgram.installCount").entity(Integer.class).isEqualTo(1)
                .path("miniProgram.rating.count").entity(Integer.class).isEqualTo(0));

        // The program itself is fetched and timed; what only asks the request's loader is not.
        assertThat(meters.find("graphql.datafetcher").meters()).extracting(m -> m.getId().getTag("graphql.field.name"))
                .contains("miniProgram").doesNotContain("installCount", "rating");
    }
}
