package dev.marketplace.app.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.search.SearchRecordedEvent;
import dev.marketplace.api.search.SearchResultChosenEvent;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.searchhistory.SearchRetention;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed-in users' searches, and what they chose from them, are stored as events under a pseudonym, unless they
 * turned search history OFF; they are deleted once the retention has passed.
 */
@MarketplaceIntegrationTest
class SearchHistoryTest extends MarketplaceClientTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchRetention retention;

    @Test
    void aSearchAndTheChoiceFromItAreRecordedUnderAPseudonymUntilTheRetentionPasses() {
        String first = marketplace.publish("dev-h1", "Narwhaltea First");
        String second = marketplace.publish("dev-h1", "Narwhaltea Second");
        marketplace.install("hu0", first);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(search("hu1")).size() == 2);

        GraphQlTester.Response answer = search("hu1");
        String searchId = answer.path("catalogue.searchId").entity(String.class).get();
        List<String> shown = ids(answer);
        assertThat(shown).containsExactly(first, second);
        List<String> recorded = payloads(SearchRecordedEvent.class, searchId);
        assertThat(recorded).singleElement().satisfies(json -> assertThat(json)
                .contains("Narwhaltea").contains(first).contains(second).doesNotContain("hu1"));

        marketplace.as("hu1", Role.USER).documentName("authorization/chooseSearchResult")
                   .variable("searchId", searchId).variable("miniProgramId", second).variable("action", "INSTALLED")
                   .execute().path("chooseSearchResult.position").entity(Integer.class).isEqualTo(2);
        assertThat(payloads(SearchResultChosenEvent.class, searchId)).singleElement()
                .satisfies(json -> assertThat(json).contains("\"position\":2").doesNotContain("hu1"));
        marketplace.as("hu2", Role.USER).documentName("authorization/chooseSearchResult")
                   .variable("searchId", searchId).variable("miniProgramId", second).variable("action", "OPENED")
                   .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                       assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                       assertThat(e.getExtensions()).containsEntry("code", "SEARCH_NOT_FOUND");
                   }));

        assertThat(retention.sweep(Instant.now())).as("nothing has passed a 90-day retention yet").isZero();
        assertThat(retention.sweep(Instant.now().plus(Duration.ofDays(91)))).isGreaterThanOrEqualTo(2);
        assertThat(payloads(SearchRecordedEvent.class, searchId)).isEmpty();
        assertThat(payloads(SearchResultChosenEvent.class, searchId)).isEmpty();
        marketplace.as("hu1", Role.USER).documentName("authorization/chooseSearchResult")
                   .variable("searchId", searchId).variable("miniProgramId", first).variable("action", "OPENED")
                   .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(
                           e -> assertThat(e.getExtensions()).containsEntry("code", "SEARCH_NOT_FOUND")));
    }

    @Test
    void nothingIsRecordedForAUserWhoOptedOutNorForAnonymousCallers() {
        String program = marketplace.publish("dev-h2", "Narwhalchai Quiet");
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(search("hq1", "Narwhalchai")).contains(program));
        marketplace.as("hq1", Role.USER).documentName("authorization/updateMySettings")
                   .variable("input", Map.of("searchHistory", "OFF")).execute()
                   .path("updateMySettings.searchHistory").entity(String.class).isEqualTo("OFF");
        marketplace.as("hq1", Role.USER).documentName("authorization/mySettings").execute()
                   .path("mySettings.searchHistory").entity(String.class).isEqualTo("OFF");
        long before = count(SearchRecordedEvent.class);

        search("hq1", "Narwhalchai").path("catalogue.searchId").valueIsNull();
        marketplace.anonymous().documentName("authorization/searchId").variable("query", "Narwhalchai")
                   .execute().path("catalogue.searchId").valueIsNull();
        assertThat(count(SearchRecordedEvent.class)).isEqualTo(before);

        marketplace.as("hq1", Role.USER).documentName("authorization/updateMySettings")
                   .variable("input", Map.of("searchHistory", "ON")).execute();
        search("hq1", "Narwhalchai").path("catalogue.searchId").hasValue();
        assertThat(count(SearchRecordedEvent.class)).isEqualTo(before + 1);
    }

    private GraphQlTester.Response search(String user) {
        return search(user, "Narwhaltea");
    }

    private GraphQlTester.Response search(String user, String query) {
        return marketplace.as(user, Role.USER).documentName("authorization/searchId").variable("query", query)
                          .execute();
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.path("catalogue.edges[*].node.id").entityList(String.class).get();
    }

    private List<String> payloads(Class<?> type, String searchId) {
        return jdbc.queryForList("select payload from domain_event_entry where payload_type = ? "
                                 + "and aggregate_identifier = ?", byte[].class, type.getName(), searchId)
                   .stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    private long count(Class<?> type) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                                         type.getName());
        return count == null ? 0 : count;
    }
}
