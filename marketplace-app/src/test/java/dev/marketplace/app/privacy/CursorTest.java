package dev.marketplace.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.search.OpenSearches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Cursors over HTTP: only cursors this server signed for the same connection are taken back, and the points in time
 * paged searches hold in Elasticsearch are bounded per caller and per node and closed after the last page.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.catalogue.open-searches.per-caller=2",
                                  "marketplace.catalogue.open-searches.total=3"})
class CursorTest extends MarketplaceClientTest {

    static final Duration PROMPTLY = Duration.ofSeconds(15);
    static final String LOCALHOST = "address:127.0.0.1";

    @Autowired
    OpenSearches openSearches;
    @Autowired
    ElasticsearchClient elasticsearch;
    String tag = Marketplace.uniqueTag("c");

    @Test
    void aForgedOrEditedCursorIsABadRequestOnEveryConnection() {
        String program = publishThree("dev-cf").get(0);
        String rating = marketplace.rate("cf-author", program, 3, "Fine");
        marketplace.as("cf-flagger", Role.USER).documentName("privacy/flagRating").variable("ratingId", rating)
                   .execute().path("flagRating.flagCount").entity(Integer.class).isEqualTo(1);
        HttpGraphQlTester owner = marketplace.as("dev-cf", Role.DEVELOPER);
        HttpGraphQlTester reviewer = marketplace.as("cf-reviewer", Role.REVIEWER);
        // A single page of results opens no point in time, yet its cursors are signed like every other.
        String catalogue = await().atMost(PROMPTLY).until(() -> search(marketplace.anonymous(), "RELEVANCE", 20, null)
                .path("catalogue.edges[*].cursor").entityList(String.class).get(), c -> c.size() == 3).get(2);
        String history = owner.documentName("history/history").variable("miniProgramId", program)
                .variable("first", 1).execute().path("history.pageInfo.endCursor").entity(String.class).get();
        String ratings = marketplace.anonymous().documentName("programRatings").variable("id", program).execute()
                .path("miniProgram.ratings.edges[0].cursor").entity(String.class).get();
        String flagged = reviewer.documentName("flaggedRatings").execute()
                .path("flaggedRatings.edges[0].cursor").entity(String.class).get();

        String unsigned = base64("{\"p\":\"someone-elses-point-in-time\",\"s\":[1.0,0,\"" + program + "\"]}");
        for (String forged : List.of(unsigned, edited(catalogue, "{\"p\":\"someone-elses-point-in-time\","
                                                                 + "\"s\":[1.0,0,\"a\"]}"), "%%%", catalogue + "x")) {
            expectInvalidCursor(search(marketplace.anonymous(), "RELEVANCE", 1, forged));
        }
        expectInvalidCursor(search(marketplace.anonymous(), "INSTALLS", 1, catalogue));
        expectInvalidCursor(owner.documentName("history/history").variable("miniProgramId", program)
                                 .variable("after", edited(history, "5")).execute());
        expectInvalidCursor(marketplace.anonymous().documentName("programRatings").variable("id", program)
                                       .variable("after", edited(ratings, "2099-01-01T00:00:00Z|x")).execute());
        expectInvalidCursor(reviewer.documentName("flaggedRatings").variable("after", ratings).execute());
        expectInvalidCursor(reviewer.documentName("flaggedRatings")
                                    .variable("after", edited(flagged, "2099-01-01T00:00:00Z|x")).execute());
    }

    @Test
    void pointsInTimeAreBoundedPerCallerAndInTotalAndClosedAfterTheLastPage() throws IOException {
        List<String> programs = publishThree("dev-cb");
        await().atMost(PROMPTLY).until(() -> search(marketplace.anonymous(), "RELEVANCE", 20, null)
                .path("catalogue.edges[*].node.id").entityList(String.class).get().size() == 3);

        List<String> firstPages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            firstPages.add(firstPageCursor(marketplace.anonymous()));
        }
        assertThat(openSearches.heldBy(LOCALHOST)).as("points in time held for one address")
                                                  .isEqualTo(2);
        // Over the bound, the search still pages, on the live index.
        assertThat(rest(marketplace.anonymous(), firstPages.get(2))).hasSize(2);

        long contexts = openSearchContexts();
        assertThat(rest(marketplace.anonymous(), firstPages.get(0))).hasSize(2).doesNotHaveDuplicates()
                                                                    .isSubsetOf(programs);
        assertThat(openSearches.heldBy(LOCALHOST)).as("after reading a search to its end").isEqualTo(1);
        assertThat(openSearchContexts()).as("Elasticsearch's open search contexts").isLessThan(contexts);

        firstPageCursor(marketplace.as("cb-user-1", Role.USER));
        firstPageCursor(marketplace.as("cb-user-2", Role.USER));
        firstPageCursor(marketplace.as("cb-user-3", Role.USER));
        assertThat(List.of(openSearches.heldBy("user:cb-user-1"), openSearches.heldBy("user:cb-user-2"),
                           openSearches.heldBy("user:cb-user-3"))).as("beyond the node's total")
                                                                   .containsExactly(1L, 1L, 0L);
    }

    private List<String> publishThree(String developer) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(marketplace.publish(developer, Marketplace.listing(developer + " Cursor " + i, "TOOLS",
                                                                       List.of(tag))));
        }
        return ids;
    }

    private GraphQlTester.Response search(HttpGraphQlTester caller, String sort, int first, String after) {
        return caller.documentName("privacy/pagedSearch").variable("filter", Map.of("tags", List.of(tag)))
                     .variable("sort", sort).variable("first", first).variable("after", after).execute();
    }

    private String firstPageCursor(HttpGraphQlTester caller) {
        return search(caller, "RELEVANCE", 1, null).path("catalogue.pageInfo.hasNextPage").entity(Boolean.class)
                                                   .isEqualTo(true)
                                                   .path("catalogue.pageInfo.endCursor").entity(String.class).get();
    }

    /** The programs of the pages after a cursor, read to the last page. */
    private List<String> rest(HttpGraphQlTester caller, String after) {
        List<String> ids = new ArrayList<>();
        String cursor = after;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = search(caller, "RELEVANCE", 1, cursor);
            ids.addAll(page.path("catalogue.edges[*].node.id").entityList(String.class).get());
            more = page.path("catalogue.pageInfo.hasNextPage").entity(Boolean.class).get();
            cursor = page.path("catalogue.pageInfo.endCursor").entity(String.class).get();
        }
        return ids;
    }

    private long openSearchContexts() throws IOException {
        return elasticsearch.nodes().stats(s -> s.metric("indices").indexMetric("search")).nodes().values().stream()
                            .mapToLong(n -> n.indices().search().openContexts()).sum();
    }

    private static void expectInvalidCursor(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(e.getExtensions()).containsEntry("code", "INVALID_CURSOR").containsEntry("field", "after");
        }));
    }

    /** The cursor with its payload replaced and its signature kept. */
    private static String edited(String cursor, String payload) {
        int dot = cursor.indexOf('.');
        return base64(payload) + (dot < 0 ? "" : cursor.substring(dot));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
