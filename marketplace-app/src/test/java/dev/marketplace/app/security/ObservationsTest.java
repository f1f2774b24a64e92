package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A signed-in request is measured as a request and as a GraphQL request, but not filter by filter by Spring
 * Security: those observations cost a search a twentieth of its CPU and nobody reads them.
 */
@MarketplaceIntegrationTest
class ObservationsTest {

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
}
