package dev.marketplace.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.statistics.StatisticsReplays;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A program's statistics per day and version, as its developer reads them: counted under the right version,
 * active installations as a running figure, the same after the statistics are rebuilt from the events, and
 * refused to others and for ranges that are backwards or longer than 366 days.
 */
@MarketplaceIntegrationTest
class ProgramStatisticsTest extends MarketplaceClientTest {

    @Autowired
    StatisticsReplays replays;
    private String developer;
    private String name;

    @BeforeEach
    void setUp() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        developer = "dev-s" + unique;
        name = "Statistics " + unique;
    }

    @Test
    void countsPerDayAndVersionAreTheSameAfterAReplay() {
        String id = marketplace.publish(developer, name);
        marketplace.install("s-u1", id);
        marketplace.install("s-u2", id);
        marketplace.install("s-u3", id);
        marketplace.install("s-u3", id);
        marketplace.as("s-u3", Role.USER).documentName("uninstallMiniProgram").variable("id", id).execute()
                   .path("uninstallMiniProgram.installed").entity(Boolean.class).isEqualTo(false);
        marketplace.rate("s-u1", id, 5, "Quick");
        marketplace.rate("s-u2", id, 2, null);
        marketplace.releaseNew(developer, id, "1.1.0", "rev-s");
        marketplace.install("s-u4", id);
        marketplace.rate("s-u4", id, 4, null);
        marketplace.as("s-u1", Role.USER).documentName("uninstallMiniProgram").variable("id", id).execute()
                   .path("uninstallMiniProgram.installed").entity(Boolean.class).isEqualTo(false);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        List<Map<String, Object>> expected = List.of(
                day(today, "1.0.0", 3, 2, 1, 2, 3.5),
                day(today, "1.1.0", 1, 0, 1, 1, 4.0));
        eventually().untilAsserted(() -> assertThat(statistics(id, today.minusDays(6), today)).isEqualTo(expected));
        List<Map<String, Object>> before = statistics(id, today.minusDays(6), today);

        replays.replay();
        eventually().until(replays::isCaughtUp);

        eventually().untilAsserted(() -> assertThat(statistics(id, today.minusDays(6), today)).isEqualTo(before));
        assertThat(statistics(id, today.plusDays(1), today.plusDays(2))).as("active installations carry over")
                .extracting(row -> row.get("activeInstallations")).containsExactly(1, 1, 1, 1);
    }

    @Test
    void onlyTheDeveloperAndReviewersSeeStatisticsForAtMost366Days() {
        String id = marketplace.publish(developer, name);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        eventually().untilAsserted(() -> query(owner(), id, today, today).path("miniProgram").hasValue());

        refused(query(marketplace.as("someone-else", Role.DEVELOPER), id, today, today), ErrorType.FORBIDDEN,
                "NOT_OWNER");
        refused(query(marketplace.anonymous(), id, today, today), ErrorType.UNAUTHORIZED, "UNAUTHENTICATED");
        query(marketplace.as("rev-s", Role.REVIEWER), id, today, today).errors().verify();
        refused(query(owner(), id, today, today.minusDays(1)), ErrorType.BAD_REQUEST, "INVALID_INPUT");
        refused(query(owner(), id, today.minusDays(366), today), ErrorType.BAD_REQUEST, "INVALID_INPUT");
        query(owner(), id, today.minusDays(365), today).errors().verify();
    }

    private static void refused(GraphQlTester.Response response, ErrorType type, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType()).isEqualTo(type);
            assertThat(e.getExtensions()).containsEntry("code", code);
        }));
    }

    private GraphQlTester owner() {
        return marketplace.as(developer, Role.DEVELOPER);
    }

    private static GraphQlTester.Response query(GraphQlTester caller, String id, LocalDate from, LocalDate to) {
        return caller.documentName("statistics/statistics").variable("id", id).variable("from", from.toString())
                     .variable("to", to.toString()).execute();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statistics(String id, LocalDate from, LocalDate to) {
        return query(owner(), id, from, to).path("miniProgram.statistics").entity(List.class).get();
    }

    private static Map<String, Object> day(LocalDate date, String version, int installs, int uninstalls, int active,
                                           int ratings, double averageStars) {
        return Map.of("date", date.toString(), "version", version, "installs", installs, "uninstalls", uninstalls,
                      "activeInstallations", active, "ratings", ratings, "averageStars", averageStars);
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
    }
}
