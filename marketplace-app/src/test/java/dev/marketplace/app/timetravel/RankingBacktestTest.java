package dev.marketplace.app.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A corpus of searches whose installed program sits lower under the weights in force than under a candidate: the
 * backtest reports the candidate better by exactly the expected margin. "Okapibean Crowded" has 20 installs and no
 * rating, "Okapibean Fresh" one five-star rating; by default popularity puts Crowded first, with rating alone Fresh.
 * Four searchers install Fresh (second by default, first with the candidate), one installs Crowded (first, then
 * second): mean reciprocal rank (4 × 1/2 + 1) / 5 = 0.6 then, (4 + 1/2) / 5 = 0.9 with the candidate.
 */
@MarketplaceIntegrationTest
class RankingBacktestTest extends MarketplaceClientTest {

    private static final Map<String, Object> RATING_ONLY = Map.of("installs", 0, "rating", 5, "exactName", 100,
                                                                  "phrase", 10);

    @Test
    void theCandidateThatPutsInstalledProgramsHigherWinsByTheExpectedMargin() {
        Instant from = passed(Instant.now());
        String crowded = marketplace.publish("dev-o1", "Okapibean Crowded");
        for (int i = 0; i < 20; i++) {
            marketplace.install("okapi-fan-" + i, crowded);
        }
        String fresh = marketplace.publish("dev-o2", "Okapibean Fresh");
        marketplace.rate("okapi-critic", fresh, 5, "Best beans");
        await().atMost(Duration.ofSeconds(30)).until(() -> shown("okapi-probe").equals(List.of(crowded, fresh)));

        for (int i = 0; i < 4; i++) {
            searchAndInstall("okapi-searcher-" + i, fresh, 2);
        }
        searchAndInstall("okapi-searcher-4", crowded, 1);
        Instant to = passed(Instant.now());

        String id = admin().documentName("timetravel/rankingBacktest")
                .variable("input", Map.of("weights", RATING_ONLY, "from", from.toString(), "to", to.toString()))
                .execute().path("rankingBacktest.id").entity(String.class).get();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> !"RUNNING".equals(
                backtest(id).path("rankingBacktest.state").entity(String.class).get()));

        GraphQlTester.Response done = backtest(id);
        done.path("rankingBacktest.state").entity(String.class).isEqualTo("DONE")
            .path("rankingBacktest.sessions").entity(Integer.class).isEqualTo(5)
            .path("rankingBacktest.evaluated").entity(Integer.class).isEqualTo(5)
            .path("rankingBacktest.thenInForce.installs").entity(Integer.class).isEqualTo(5)
            .path("rankingBacktest.thenInForce.top3Share").entity(Double.class).isEqualTo(1.0)
            .path("rankingBacktest.candidate.top10Share").entity(Double.class).isEqualTo(1.0)
            .path("rankingBacktest.changedQueries[0].query").entity(String.class).isEqualTo("Okapibean")
            .path("rankingBacktest.changedQueries[0].sessions").entity(Integer.class).isEqualTo(5);
        double then = done.path("rankingBacktest.thenInForce.meanReciprocalRank").entity(Double.class).get();
        double candidate = done.path("rankingBacktest.candidate.meanReciprocalRank").entity(Double.class).get();
        double change = done.path("rankingBacktest.changedQueries[0].change").entity(Double.class).get();
        assertThat(then).isCloseTo(0.6, within(1e-9));
        assertThat(candidate).isCloseTo(0.9, within(1e-9));
        assertThat(change).as("mean place 1.8 then, 1.2 with the candidate").isCloseTo(0.6, within(1e-9));
        double perSecond = done.path("rankingBacktest.sessionsPerSecond").entity(Double.class).get();
        System.out.printf("Ranking backtest: 5 sessions at %.1f sessions/s (including the replay of the store)%n",
                          perSecond);

        assertThat(admin().documentName("timetravel/rankingBacktests").execute()
                          .path("rankingBacktests[*].id").entityList(String.class).get()).contains(id);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrWeightsOutOfRangeAreRefused() {
        Instant now = Instant.now();
        refused(Map.of("weights", RATING_ONLY, "from", now.toString(), "to", now.minusSeconds(60).toString()), "from");
        refused(Map.of("weights", Map.of("installs", 9, "rating", 0.1, "exactName", 100, "phrase", 10),
                       "from", now.minusSeconds(60).toString(), "to", now.toString()), "weights.installs");
        admin().documentName("timetravel/rankingBacktest").variable("input", Map.of("weights", RATING_ONLY,
                "from", now.minusSeconds(60).toString(), "to", now.plusSeconds(3600).toString())).execute()
               .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(
                       e -> assertThat(e.getMessage()).contains("to").contains("future")));
        admin().documentName("timetravel/backtest").variable("id", "no-such-backtest").execute()
               .path("rankingBacktest").valueIsNull();
    }

    private void refused(Map<String, Object> input, String field) {
        admin().documentName("timetravel/rankingBacktest").variable("input", input).execute().errors()
               .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                   assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                   assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT");
                   assertThat(e.getMessage()).startsWith(field);
               }));
    }

    /** A recorded search that showed the program at {@code position}, reported as installed from, and the install. */
    private void searchAndInstall(String user, String program, int position) {
        GraphQlTester.Response search = marketplace.as(user, Role.USER).documentName("authorization/searchId")
                                                   .variable("query", "Okapibean").execute();
        String searchId = search.path("catalogue.searchId").entity(String.class).get();
        marketplace.as(user, Role.USER).documentName("authorization/chooseSearchResult")
                   .variable("searchId", searchId).variable("miniProgramId", program).variable("action", "INSTALLED")
                   .execute().path("chooseSearchResult.position").entity(Integer.class).isEqualTo(position);
        marketplace.install(user, program);
    }

    private List<String> shown(String user) {
        return marketplace.as(user, Role.USER).documentName("authorization/searchId").variable("query", "Okapibean")
                          .execute().path("catalogue.edges[*].node.id").entityList(String.class).get();
    }

    private GraphQlTester.Response backtest(String id) {
        return admin().documentName("timetravel/backtest").variable("id", id).execute();
    }

    private HttpGraphQlTester admin() {
        return marketplace.as("admin-o", Role.ADMIN);
    }

    private static Instant passed(Instant at) {
        await().until(() -> Instant.now().isAfter(at.plusMillis(2)));
        return at;
    }
}
