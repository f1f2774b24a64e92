package dev.marketplace.app.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.bench.EventSeeder;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import dev.marketplace.query.rebuild.CatalogueRebuilds;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * A catalogue rebuild while people search: it builds a new index behind the live one, which keeps answering, then
 * takes over at once. Its own index prefix and context, so the rest of the suite's index is left alone.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.catalogue.index-prefix=rebuild-test-",
        "marketplace.catalogue.rebuild.poll-interval=100ms", "marketplace.catalogue.rebuild.grace=3s"})
class CatalogueRebuildTest extends MarketplaceClientTest {

    private static final int PROGRAMS = 3000;

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    CatalogueIndex index;
    @Autowired
    CatalogueReplays replays;
    @Autowired
    CatalogueRebuilds rebuilds;

    @Test
    void searchesNeverSeeFewerProgramsNorOneTwiceDuringARebuildAndTheResultEqualsAFreshReplay() throws Exception {
        EventSeeder seeder = new EventSeeder(eventStore, transactions, processing);
        for (int i = 0; i < PROGRAMS; i++) {
            seeder.liveProgram("rebuild-" + i, i);
        }
        seeder.flush();
        String popular = marketplace.publish("dev-r1", "Rebuilt Popular Ferry");
        marketplace.install("u1", popular);
        marketplace.install("u2", popular);
        marketplace.rate("u1", popular, 4, "Good");
        long before = PROGRAMS + 1;
        slowly().untilAsserted(() -> assertThat(total(marketplace, null)).isEqualTo(before));
        long goldenBefore = total(marketplace, "golden");
        String oldIndex = live().get(0);

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<String> violations = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> searcher = CompletableFuture.runAsync(() -> {
            while (searching.get()) {
                long all = total(marketplace, null);
                if (all < before) {
                    violations.add("all programs: " + all + " < " + before);
                }
                List<String> golden = marketplace.anonymous().documentName("search").variable("query", "golden")
                        .variable("first", 100).execute().path("catalogue.edges[*].node.id").entityList(String.class)
                        .get();
                if (new HashSet<>(golden).size() != golden.size() || golden.size() < Math.min(100, goldenBefore)) {
                    violations.add("golden: " + golden.size() + " results, " + new HashSet<>(golden).size()
                                   + " distinct");
                }
                searches.incrementAndGet();
            }
        });

        HttpGraphQlTester admin = marketplace.as("admin-r1", Role.ADMIN);
        admin.documentName("rebuildCatalogue").execute()
             .path("rebuildCatalogue.state").entity(String.class).isEqualTo("RUNNING")
             .path("rebuildCatalogue.startedBy").entity(String.class).isEqualTo("admin-r1");
        admin.documentName("rebuildCatalogue").execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                assertThat(e.getExtensions()).containsEntry("code", "REBUILD_RUNNING");
            });
        });
        marketplace.as("u1", Role.USER, Role.DEVELOPER, Role.REVIEWER).documentName("catalogueRebuild").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "ROLE_REQUIRED")));

        Set<String> statesSeen = new HashSet<>();
        AtomicBoolean progressSeen = new AtomicBoolean();
        slowly().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            GraphQlTester.Response progress = admin.documentName("catalogueRebuild").execute();
            String state = progress.path("catalogueRebuild.state").entity(String.class).get();
            statesSeen.add(state);
            double processed = progress.path("catalogueRebuild.processed").entity(Double.class).get();
            double total = progress.path("catalogueRebuild.total").entity(Double.class).get();
            if (state.equals("RUNNING") && processed > 0 && processed < total) {
                progressSeen.set(true);
            }
            assertThat(state).isEqualTo("DONE");
        });
        searching.set(false);
        searcher.get();

        GraphQlTester.Response done = admin.documentName("catalogueRebuild").execute();
        double eventsPerSecond = done.path("catalogueRebuild.eventsPerSecond").entity(Double.class).get();
        double total = done.path("catalogueRebuild.total").entity(Double.class).get();
        String newIndex = done.path("catalogueRebuild.index").entity(String.class).get();
        System.out.printf("Catalogue rebuild: %.0f events at %.0f events/s (refresh off, no replicas)%n", total,
                          eventsPerSecond);
        assertThat(violations).as("searches during the rebuild (%d)", searches.get()).isEmpty();
        assertThat(searches.get()).isGreaterThan(0);
        assertThat(progressSeen).as("progress reported while running, states seen %s", statesSeen).isTrue();
        assertThat(eventsPerSecond).isPositive();
        assertThat(total).isGreaterThanOrEqualTo(4.0 * PROGRAMS);
        assertThat(live()).containsExactly(newIndex);
        slowly().untilAsserted(() -> assertThat(exists(oldIndex)).as("old index after the grace").isFalse());
        assertThat(total(marketplace, null)).isEqualTo(before);
        marketplace.anonymous().documentName("search").variable("query", "Rebuilt Popular Ferry").execute()
                   .path("catalogue.edges[0].node.installCount").entity(Integer.class).isEqualTo(2)
                   .path("catalogue.edges[0].node.rating.count").entity(Integer.class).isEqualTo(1);

        // Live events reach the new index after the switch.
        marketplace.install("u3", popular);
        slowly().untilAsserted(() -> marketplace.anonymous().documentName("search")
                .variable("query", "Rebuilt Popular Ferry").execute()
                .path("catalogue.edges[0].node.installCount").entity(Integer.class).isEqualTo(3));

        Map<String, ObjectNode> rebuilt = documents();
        replays.replay();
        slowly().until(replays::isCaughtUp);
        slowly().untilAsserted(() -> assertThat(documents()).isEqualTo(rebuilt));
    }

    @Test
    void anIndexFromOlderMappingsIsRebuiltBehindTheOneThatServes() throws IOException {
        slowly().until(() -> rebuilds.progress().map(r -> r.state().name().equals("DONE")).orElse(true));
        String old = live().get(0);
        elasticsearch.indices().putMapping(m -> m.index(old).meta("version", JsonData.of(0)));
        assertThat(index.hasOutdatedMappings()).isTrue();

        assertThat(rebuilds.rebuildIfMappingsChanged()).isTrue();
        assertThat(live()).as("the old index serves while the new one is built").containsExactly(old);
        slowly().untilAsserted(() -> assertThat(rebuilds.progress().orElseThrow().state().name()).isEqualTo("DONE"));
        assertThat(index.hasOutdatedMappings()).isFalse();
        assertThat(rebuilds.progress().orElseThrow().startedBy()).isEqualTo("start-up: mappings changed");
    }

    private static long total(Marketplace marketplace, String query) {
        return marketplace.anonymous().documentName("search").variable("query", query).variable("first", 1)
                          .execute().path("catalogue.totalCount").entity(Long.class).get();
    }

    private List<String> live() throws IOException {
        return List.copyOf(elasticsearch.indices().getAlias(a -> a.name(index.alias())).result().keySet());
    }

    private boolean exists(String name) throws IOException {
        return elasticsearch.indices().exists(e -> e.index(name)).value();
    }

    private Map<String, ObjectNode> documents() throws IOException {
        index.refresh();
        Map<String, ObjectNode> documents = new TreeMap<>();
        elasticsearch.search(s -> s.index(index.alias()).size(10_000), ObjectNode.class).hits().hits()
                     .forEach(hit -> documents.put(hit.id(), hit.source()));
        return documents;
    }

    private static org.awaitility.core.ConditionFactory slowly() {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200));
    }
}
