package dev.marketplace.app.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * An admin changes the relevance weights at run time: later searches rank with them, and the catalogue as of an
 * instant before the change still ranks with the weights of its time.
 */
@MarketplaceIntegrationTest
class SetRankingWeightsTest extends MarketplaceClientTest {

    private static final Map<String, Object> DEFAULTS = weights(0.15, 0.1, 100, 10);
    private static final Map<String, Object> INSTALLS_ONLY = weights(5, 0, 100, 10);
    private static final Map<String, Object> RATING_ONLY = weights(0, 5, 100, 10);

    @AfterEach
    void restoreTheDefaults() {
        admin().documentName("authorization/setRankingWeights").variable("weights", DEFAULTS).execute()
               .errors().verify();
    }

    @Test
    void searchesRankWithTheWeightsInForceAndTheCatalogueAsOfWithThoseOfItsTime() {
        String crowded = marketplace.publish("dev-q1", "Quokkabrew Alpha");
        String loved = marketplace.publish("dev-q2", "Quokkabrew Omega");
        marketplace.rate("qu1", crowded, 1, "Meh");
        marketplace.rate("qu2", crowded, 1, "Meh");
        marketplace.rate("qu3", crowded, 1, "Meh");
        marketplace.rate("qu4", loved, 5, "Lovely");

        set(INSTALLS_ONLY);
        await().atMost(Duration.ofSeconds(20)).until(() -> ranked().equals(List.of(crowded, loved)));
        Instant installsInForce = Instant.now();
        await().until(() -> Instant.now().isAfter(installsInForce.plusMillis(2)));

        set(RATING_ONLY);
        await().atMost(Duration.ofSeconds(20)).until(() -> ranked().equals(List.of(loved, crowded)));
        admin().documentName("authorization/rankingWeights").execute()
               .path("rankingWeights.rating").entity(Double.class).isEqualTo(5.0)
               .path("rankingWeights.installs").entity(Double.class).isEqualTo(0.0);

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> "READY".equals(
                asOf(installsInForce).path("catalogueAsOf.asOf.state").entity(String.class).get()));
        assertThat(asOf(installsInForce).path("catalogueAsOf.edges[*].node.id").entityList(String.class).get())
                .containsExactly(crowded, loved);
    }

    @Test
    void weightsOutsideTheirRangeAreRefusedNamingTheWeight() {
        admin().documentName("authorization/setRankingWeights").variable("weights", weights(0.15, 0.1, 0.5, 10))
               .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                   assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                   assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT");
                   assertThat(e.getMessage()).contains("exactName");
               }));
    }

    private void set(Map<String, Object> weights) {
        admin().documentName("authorization/setRankingWeights").variable("weights", weights).execute()
               .path("setRankingWeights.installs").entity(Double.class)
               .isEqualTo(((Number) weights.get("installs")).doubleValue());
    }

    private List<String> ranked() {
        return marketplace.anonymous().documentName("search").variable("query", "Quokkabrew").variable("first", 10)
                          .execute().path("catalogue.edges[*].node.id").entityList(String.class).get();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response asOf(Instant at) {
        return admin().documentName("timetravel/catalogueAsOf").variable("at", at.toString())
                      .variable("query", "Quokkabrew").variable("first", 10).execute();
    }

    private HttpGraphQlTester admin() {
        return marketplace.as("admin-q", Role.ADMIN);
    }

    private static Map<String, Object> weights(double installs, double rating, double exactName, double phrase) {
        return Map.of("installs", installs, "rating", rating, "exactName", exactName, "phrase", phrase);
    }
}
