package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The catalogue as users see it: popularity figures, relevance, Chinese names, facets, sorts, cursors, and the
 * review queue and developer dashboard. Each test tags its programs uniquely and filters on that tag, because
 * test classes share one application, database and index.
 */
@MarketplaceIntegrationTest
class CatalogueTest extends MarketplaceClientTest {

    @Autowired
    CatalogueReplays replays;
    @Autowired
    ElasticsearchClient elasticsearch;
    String tag = Marketplace.uniqueTag("t");

    @Test
    void installCountsAndRatingSummariesAreExactAndSurviveAReplay() {
        String id = marketplace.publish("dev-k1", listing("Harbour Ferry Tickets", "TRANSPORT"));
        marketplace.install("u1", id);
        marketplace.install("u1", id);
        marketplace.install("u3", id);
        marketplace.as("u3", Role.USER).documentName("uninstallMiniProgram").variable("id", id).execute();
        marketplace.rate("u1", id, 5, "Fast and simple");
        marketplace.rate("u2", id, 3, "Crashed once");
        String edited = marketplace.rate("u2", id, 4, "Fixed now");
        marketplace.hide("rev-k1", edited);

        eventually().untilAsserted(() -> expectPopularity(id));
        marketplace.as("rev-k1", Role.REVIEWER).documentName("programRatings").variable("id", id).execute()
                   .path("miniProgram.ratings.totalCount").entity(Integer.class).isEqualTo(2)
                   .path("miniProgram.ratings.edges[*].node.hidden").entityList(Boolean.class)
                   .satisfies(hidden -> assertThat(hidden).containsExactlyInAnyOrder(true, false));

        replays.replay();
        eventually().until(replays::isCaughtUp);
        eventually().untilAsserted(() -> expectPopularity(id));
    }

    @Test
    void eachProgramInAPageShowsItsOwnRatings() {
        String older = marketplace.publish("dev-k11", listing("Ratings Older", "TOOLS"));
        String newer = marketplace.publish("dev-k11", listing("Ratings Newer", "TOOLS"));
        marketplace.rate("r1", older, 2, null);
        marketplace.rate("r2", older, 4, null);
        marketplace.rate("r3", newer, 5, null);

        eventually().untilAsserted(() -> marketplace.anonymous().documentName("searchWithRatings")
                .variable("filter", Map.of("tags", List.of(tag))).execute()
                .path("catalogue.edges[*].node.id").entityList(String.class).containsExactly(newer, older)
                .path("catalogue.edges[0].node.ratings.totalCount").entity(Integer.class).isEqualTo(1)
                .path("catalogue.edges[0].node.ratings.edges[0].node.userId").entity(String.class).isEqualTo("r3")
                .path("catalogue.edges[0].node.ratings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("catalogue.edges[1].node.ratings.totalCount").entity(Integer.class).isEqualTo(2)
                .path("catalogue.edges[1].node.ratings.edges[0].node.userId").entity(String.class).isEqualTo("r2")
                .path("catalogue.edges[1].node.ratings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true));
    }

    @Test
    void ratingsSortedByStarsArePagedWithoutRepeatsAndACursorKeepsItsOrder() {
        String id = marketplace.publish("dev-k12", listing("Ratings Sorted Bakery", "FOOD_AND_DRINK"));
        int[] stars = {3, 5, 1, 4, 5, 2, 3};
        for (int i = 0; i < stars.length; i++) {
            marketplace.rate("sorter-" + i, id, stars[i], null);
        }
        eventually().untilAsserted(() -> ratings(id, "NEWEST", null).path("miniProgram.ratings.totalCount")
                .entity(Integer.class).isEqualTo(stars.length));

        assertThat(allStars(id, "HIGHEST")).containsExactly(5, 5, 4, 3, 3, 2, 1);
        assertThat(allStars(id, "LOWEST")).containsExactly(1, 2, 3, 3, 4, 5, 5);
        assertThat(allStars(id, "NEWEST")).containsExactlyInAnyOrder(3, 5, 1, 4, 5, 2, 3);
        String highest = ratings(id, "HIGHEST", null).path("miniProgram.ratings.pageInfo.endCursor")
                .entity(String.class).get();
        ratings(id, "LOWEST", highest).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
    }

    /** Every rating's stars, read two at a time in the given order. */
    private List<Integer> allStars(String id, String sort) {
        List<Integer> all = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = ratings(id, sort, after);
            all.addAll(page.path("miniProgram.ratings.edges[*].node.stars").entityList(Integer.class).get());
            after = page.path("miniProgram.ratings.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("miniProgram.ratings.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return all;
    }

    private GraphQlTester.Response ratings(String id, String sort, String after) {
        return marketplace.anonymous().documentName("programRatings").variable("id", id).variable("first", 2)
                          .variable("sort", sort).variable("after", after).execute();
    }

    private void expectPopularity(String id) {
        marketplace.anonymous().documentName("search").variable("filter", Map.of("tags", List.of(tag))).execute()
                   .path("catalogue.edges[0].node.installCount").entity(Integer.class).isEqualTo(2)
                   .path("catalogue.edges[0].node.rating.count").entity(Integer.class).isEqualTo(1)
                   .path("catalogue.edges[0].node.rating.average").entity(Double.class).isEqualTo(5.0)
                   .path("catalogue.edges[0].node.rating.histogram").entityList(Integer.class)
                   .containsExactly(0, 0, 0, 0, 1);
        marketplace.anonymous().documentName("programRatings").variable("id", id).execute()
                   .path("miniProgram.ratings.totalCount").entity(Integer.class).isEqualTo(1)
                   .path("miniProgram.ratings.edges[0].node.text").entity(String.class).isEqualTo("Fast and simple");
    }

    @Test
    void aPopularProgramOutranksItsFreshCopyButAnExactNameComesFirst() {
        String original = marketplace.publish("dev-k2", listing("Lucky Noodle Bar", "FOOD_AND_DRINK"));
        String copy = marketplace.publish("dev-k3", listing("Lucky Noodle Bar Plus", "FOOD_AND_DRINK"));
        for (int i = 0; i < 5; i++) {
            marketplace.install("fan-" + i, original);
        }

        eventually().untilAsserted(() -> assertThat(ids("lucky noodle")).containsExactly(original, copy));
        marketplace.anonymous().documentName("suggest").variable("prefix", "lucky noo").execute()
                   .path("suggest").entityList(String.class)
                   .satisfies(names -> assertThat(names).startsWith("Lucky Noodle Bar"));
        assertThat(ids("Lucky Noodle Bar Plus")).first().isEqualTo(copy);
        assertThat(ids("lukcy nodle")).as("typos").contains(original, copy);
        assertThat(ids("Lucky Noo")).as("as you type").containsExactly(original, copy);
    }

    @Test
    void chineseNamesAreFoundByTheirCharactersWithoutLooseSingleCharacterMatches() {
        String mcdonalds = marketplace.publish("dev-k4", listing("麦当劳自助点餐", "FOOD_AND_DRINK"));
        String books = marketplace.publish("dev-k5", listing("当当网书店", "SHOPPING"));
        String walmart = marketplace.publish("dev-k6", listing("沃尔玛扫码购", "SHOPPING"));

        eventually().untilAsserted(() -> {
            assertThat(ids("麦当劳")).containsExactly(mcdonalds);
            assertThat(ids("扫码购")).containsExactly(walmart);
            assertThat(ids("当当网")).containsExactly(books);
        });
        marketplace.anonymous().documentName("search").variable("query", "麦当劳")
                   .variable("filter", Map.of("tags", List.of(tag))).execute()
                   .path("catalogue.edges[0].highlights[0].fragments[0]").entity(String.class)
                   .satisfies(fragment -> assertThat(fragment).isEqualTo("<em>麦当劳</em>自助点餐"));
    }

    @Test
    void facetsCountTheResultsAndFiltersAndSortsApply() {
        String noodles = marketplace.publish("dev-k7", listing("Facet Noodles", "FOOD_AND_DRINK"));
        String shoes = marketplace.publish("dev-k7", listing("Facet Shoes", "SHOPPING"));
        String socks = marketplace.publish("dev-k7", listing("Facet Socks", "SHOPPING"));
        marketplace.install("buyer-1", socks);
        marketplace.install("buyer-2", socks);
        marketplace.install("buyer-1", noodles);

        eventually().untilAsserted(() -> assertThat(sorted("INSTALLS")).containsExactly(socks, noodles, shoes));
        marketplace.anonymous().documentName("search").variable("filter", Map.of("tags", List.of(tag))).execute()
                   .path("catalogue.facets.categories[?(@.value == 'SHOPPING')].count").entityList(Integer.class)
                   .containsExactly(2)
                   .path("catalogue.facets.permissions[0].value").entity(String.class).isEqualTo("CAMERA")
                   .path("catalogue.facets.tags[?(@.value == '" + tag + "')].count").entityList(Integer.class)
                   .containsExactly(3);
        marketplace.anonymous().documentName("search")
                   .variable("filter", Map.of("tags", List.of(tag), "categories", List.of("SHOPPING"))).execute()
                   .path("catalogue.edges[*].node.id").entityList(String.class)
                   .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(shoes, socks));
        assertThat(sorted("NEWEST")).containsExactly(socks, shoes, noodles);
    }

    @Test
    void cursorsWalkEveryResultExactlyOnce() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(marketplace.publish("dev-k8", listing("Paging Program " + i, "TOOLS")));
        }
        eventually().untilAsserted(() -> assertThat(sorted("RELEVANCE")).hasSize(5));

        Set<String> seen = new LinkedHashSet<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = marketplace.anonymous().documentName("search")
                    .variable("filter", Map.of("tags", List.of(tag))).variable("first", 2).variable("after", after)
                    .execute();
            List<String> ids = page.path("catalogue.edges[*].node.id").entityList(String.class).get();
            ids.forEach(id -> assertThat(seen.add(id)).as("duplicate " + id).isTrue());
            more = page.path("catalogue.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("catalogue.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(published);
        assertThat(pages).isEqualTo(3);
        marketplace.anonymous().documentName("search").variable("after", "not-a-cursor").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "after")));
    }

    @Test
    void pagingStaysCompleteAndDuplicateFreeWhileProgramsChangePlaces() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(marketplace.publish("dev-k10", listing("Moving Program " + i, "TOOLS")));
        }
        marketplace.install("mover-0", published.get(0));
        eventually().untilAsserted(() -> assertThat(sorted("INSTALLS")).hasSize(5).first()
                                                                       .isEqualTo(published.get(0)));

        GraphQlTester.Response first = page("INSTALLS", null);
        List<String> seen = new ArrayList<>(first.path("catalogue.edges[*].node.id").entityList(String.class).get());
        String last = published.stream().filter(id -> !seen.contains(id)).reduce((a, b) -> b).orElseThrow();
        for (int i = 0; i < 3; i++) {
            marketplace.install("mover-" + (i + 1), last);
        }
        eventually().untilAsserted(() -> assertThat(sorted("INSTALLS")).first().isEqualTo(last));

        String after = first.path("catalogue.pageInfo.endCursor").entity(String.class).get();
        boolean more = true;
        while (more) {
            GraphQlTester.Response next = page("INSTALLS", after);
            seen.addAll(next.path("catalogue.edges[*].node.id").entityList(String.class).get());
            more = next.path("catalogue.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = next.path("catalogue.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
    }

    /**
     * A point in time costs Elasticsearch a request and holds the index's segments for five minutes, so a search
     * opens one only for a client that reads a cursor to page on. Open points in time are counted by
     * Elasticsearch's open search contexts, which only expire (never open) while this test runs.
     */
    @Test
    void aPointInTimeIsOpenedOnlyForAClientThatReadsCursors() throws Exception {
        for (int i = 0; i < 3; i++) {
            marketplace.publish("dev-k12", listing("Context Program " + i, "TOOLS"));
        }
        eventually().untilAsserted(() -> assertThat(sorted("RELEVANCE")).hasSize(3));
        String withoutCursors = "query($f: CatalogueFilter) { catalogue(filter: $f, first: 1) "
                                + "{ totalCount edges { node { id } } pageInfo { hasNextPage } } }";
        String withCursor = "query($f: CatalogueFilter) { catalogue(filter: $f, first: 1) "
                            + "{ edges { cursor node { id } } } }";

        long before = openSearchContexts();
        for (int i = 0; i < 4; i++) {
            marketplace.anonymous().document(withoutCursors).variable("f", Map.of("tags", List.of(tag))).execute()
                       .path("catalogue.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                       .path("catalogue.totalCount").entity(Integer.class).isEqualTo(3);
        }
        long afterPlainSearches = openSearchContexts();
        assertThat(afterPlainSearches).as("open search contexts after searches that read no cursor")
                                      .isLessThanOrEqualTo(before);

        for (int i = 0; i < 4; i++) {
            marketplace.anonymous().document(withCursor).variable("f", Map.of("tags", List.of(tag))).execute()
                       .path("catalogue.edges[0].cursor").entity(String.class).satisfies(c -> assertThat(c).isNotBlank());
        }
        assertThat(openSearchContexts()).as("open search contexts after searches that read a cursor")
                                        .isGreaterThanOrEqualTo(afterPlainSearches + 4);
    }

    /**
     * A search hit's document holds its popularity, so the figures of a page are answered from the hits, not read
     * again (Elasticsearch counts every document a get or multi-get reads).
     */
    @Test
    void aPageOfHitsAnswersPopularityWithoutReadingItsDocumentsAgain() throws Exception {
        String id = marketplace.publish("dev-k13", listing("Popular Lantern", "TOOLS"));
        marketplace.install("lantern-1", id);
        marketplace.install("lantern-2", id);
        marketplace.rate("lantern-1", id, 4, "Bright");
        String query = "query($f: CatalogueFilter) { catalogue(filter: $f) "
                       + "{ edges { node { id installCount rating { count average } } } } }";
        eventually().untilAsserted(() -> marketplace.anonymous().document(query)
                .variable("f", Map.of("tags", List.of(tag))).execute()
                .path("catalogue.edges[0].node.rating.count").entity(Integer.class).isEqualTo(1));
        eventually().until(replays::isCaughtUp);

        long before = documentsRead();
        marketplace.anonymous().document(query).variable("f", Map.of("tags", List.of(tag))).execute()
                   .path("catalogue.edges[0].node.id").entity(String.class).isEqualTo(id)
                   .path("catalogue.edges[0].node.installCount").entity(Integer.class).isEqualTo(2)
                   .path("catalogue.edges[0].node.rating.average").entity(Double.class).isEqualTo(4.0);
        assertThat(documentsRead()).as("documents read by get or multi-get during the search").isEqualTo(before);
    }

    /**
     * A search brings back each program's versions (their changelogs, permissions and data uses) only for a query
     * that reads them; one that does reads all of them, through a fragment and an alias too, and one that does not
     * still gets the program's own fields.
     */
    @Test
    void aSearchReadsTheVersionsOfItsProgramsOnlyWhenAskedAndThenAllOfThem() {
        String id = marketplace.publish("dev-k14", listing("Versioned Lantern", "TOOLS"));
        marketplace.submit("dev-k14", id, "1.1.0");
        String history = "query($f: CatalogueFilter) { catalogue(filter: $f) { edges { node { ...history } } } } "
                         + "fragment history on MiniProgram "
                         + "{ live: currentVersion { number } versions { number status } }";
        // Read by its developer: anyone else sees only released versions (PrivacyTest).
        eventually().untilAsserted(() -> marketplace.as("dev-k14", Role.DEVELOPER).document(history)
                .variable("f", Map.of("tags", List.of(tag))).execute()
                .path("catalogue.edges[0].node.live.number").entity(String.class).isEqualTo("1.0.0")
                .path("catalogue.edges[0].node.versions[*].number").entityList(String.class)
                .satisfies(numbers -> assertThat(numbers).containsExactlyInAnyOrder("1.0.0", "1.1.0"))
                .path("catalogue.edges[0].node.versions[*].status").entityList(String.class)
                .satisfies(statuses -> assertThat(statuses).containsExactlyInAnyOrder("RELEASED", "IN_REVIEW")));

        String card = "query($f: CatalogueFilter) { catalogue(filter: $f) "
                      + "{ edges { node { id name summary category tags status developer { id } } } } }";
        marketplace.anonymous().document(card).variable("f", Map.of("tags", List.of(tag))).execute()
                   .path("catalogue.edges[0].node.id").entity(String.class).isEqualTo(id)
                   .path("catalogue.edges[0].node.name").entity(String.class).isEqualTo("Versioned Lantern")
                   .path("catalogue.edges[0].node.category").entity(String.class).isEqualTo("TOOLS")
                   .path("catalogue.edges[0].node.tags").entityList(String.class).contains(tag)
                   .path("catalogue.edges[0].node.status").entity(String.class).isEqualTo("LIVE")
                   .path("catalogue.edges[0].node.developer.id").entity(String.class).isEqualTo("dev-k14");
    }

    private long documentsRead() throws IOException {
        return elasticsearch.nodes().stats(s -> s.metric("indices").indexMetric("get")).nodes().values().stream()
                            .mapToLong(n -> n.indices().get().total()).sum();
    }

    private long openSearchContexts() throws IOException {
        return elasticsearch.nodes().stats(s -> s.metric("indices").indexMetric("search")).nodes().values().stream()
                            .mapToLong(n -> n.indices().search().openContexts()).sum();
    }

    private GraphQlTester.Response page(String sort, String after) {
        return marketplace.anonymous().documentName("search").variable("sort", sort)
                          .variable("filter", Map.of("tags", List.of(tag))).variable("first", 2)
                          .variable("after", after).execute();
    }

    @Test
    void aSuspendedProgramLeavesTheCatalogueAndARollbackShowsTheEarlierVersion() {
        String suspended = marketplace.publish("dev-k9", listing("Takedown Candidate", "GAMES"));
        String rolled = marketplace.publish("dev-k9", listing("Rollback Candidate", "GAMES"));
        String second = marketplace.releaseNew("dev-k9", rolled, "1.1.0", "rev-k2");
        marketplace.as("rev-k2", Role.REVIEWER).documentName("suspendMiniProgram").variable("id", suspended)
                   .variable("reason", "Impersonates a bank").execute()
                   .path("suspendMiniProgram.status").entity(String.class).isEqualTo("SUSPENDED");
        marketplace.as("dev-k9", Role.DEVELOPER).documentName("rollbackRelease").variable("miniProgramId", rolled)
                   .variable("toVersionId", rolled + "/1.0.0").execute()
                   .path("rollbackRelease.currentVersion.number").entity(String.class).isEqualTo("1.0.0");

        eventually().untilAsserted(() -> marketplace.anonymous().documentName("search")
                .variable("filter", Map.of("tags", List.of(tag))).execute()
                .path("catalogue.edges[*].node.id").entityList(String.class).containsExactly(rolled)
                .path("catalogue.edges[0].node.currentVersion.number").entity(String.class).isEqualTo("1.0.0"));
    }

    @Test
    void reviewersSeeTheQueueOldestFirstAndDevelopersTheirOwnPrograms() {
        String developer = "dev-" + tag;
        String first = marketplace.register(developer, listing("Queue First", "TOOLS"));
        String second = marketplace.register(developer, listing("Queue Second", "TOOLS"));
        String firstVersion = marketplace.submit(developer, first, "1.0.0");
        String secondVersion = marketplace.submit(developer, second, "0.9.0");
        marketplace.as("rev-k3", Role.REVIEWER).documentName("rejectVersion")
                   .variable("input", Map.of("versionId", secondVersion, "reasons", List.of("OTHER"),
                                             "comment", "Icon missing")).execute()
                   .path("rejectVersion.status").entity(String.class).isEqualTo("REJECTED");

        eventually().untilAsserted(() -> {
            List<String> queue = marketplace.as("rev-k3", Role.REVIEWER).documentName("reviewQueue")
                    .variable("first", 100).execute()
                    .path("reviewQueue.edges[*].node.id").entityList(String.class).get();
            assertThat(queue).contains(firstVersion).doesNotContain(secondVersion);
        });
        marketplace.as("rev-k3", Role.REVIEWER).documentName("reviewQueue").variable("first", 100).execute()
                   .path("reviewQueue.edges[?(@.node.id == '" + firstVersion + "')].node.waitingSeconds")
                   .entityList(Integer.class).satisfies(w -> assertThat(w).singleElement().isNotNull());
        marketplace.as(developer, Role.DEVELOPER).documentName("reviewQueue").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
        marketplace.anonymous().documentName("reviewQueue").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED)));

        eventually().untilAsserted(() -> marketplace.as(developer, Role.DEVELOPER).documentName("myMiniPrograms")
                .execute()
                .path("myMiniPrograms.totalCount").entity(Integer.class).isEqualTo(2)
                .path("myMiniPrograms.edges[*].node.id").entityList(String.class).containsExactly(second, first)
                .path("myMiniPrograms.edges[0].node.versions[0].review.reasons[0]").entity(String.class)
                .isEqualTo("OTHER")
                .path("myMiniPrograms.edges[0].node.versions[0].review.comment").entity(String.class)
                .isEqualTo("Icon missing"));
    }

    private Map<String, Object> listing(String name, String category) {
        return Marketplace.listing(name, category, List.of(tag));
    }

    private List<String> ids(String query) {
        return marketplace.anonymous().documentName("search").variable("query", query)
                          .variable("filter", Map.of("tags", List.of(tag))).execute()
                          .path("catalogue.edges[*].node.id").entityList(String.class).get();
    }

    private List<String> sorted(String sort) {
        return marketplace.anonymous().documentName("search").variable("sort", sort)
                          .variable("filter", Map.of("tags", List.of(tag))).execute()
                          .path("catalogue.edges[*].node.id").entityList(String.class).get();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
    }
}
