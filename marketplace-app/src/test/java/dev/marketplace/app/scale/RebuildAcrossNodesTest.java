package dev.marketplace.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceNode;
import dev.marketplace.app.support.PostgresTestDatabase;
import dev.marketplace.app.support.Tokens;
import dev.marketplace.elasticsearch.LocalElasticsearch;
import dev.marketplace.elasticsearch.LocalElasticsearchOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A catalogue rebuild on two nodes (separate JVMs on one PostgreSQL database and one Elasticsearch): one rebuild at a
 * time across the cluster, and the node running it killed (SIGKILL) part-way; the other node finishes it.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildAcrossNodesTest {

    private static final String CATALOGUE = "catalogue";
    private static final String REBUILD_PROCESSOR = "catalogue-rebuild";
    private static final String TEMPLATE = "Rebuild Template Program";
    /** Four events each: enough that the rebuild is still running when its node is killed. */
    private static final int PROGRAMS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalElasticsearch elasticsearch;
    private String prefix;
    private JdbcTemplate db;
    private MarketplaceNode a;
    private MarketplaceNode b;

    @BeforeAll
    void startCluster() throws Exception {
        String database = PostgresTestDatabase.create();
        prefix = database.replace('_', '-') + "-";
        db = new JdbcTemplate(new DriverManagerDataSource(PostgresTestDatabase.SERVER + database,
                                                          PostgresTestDatabase.USER, ""));
        elasticsearch = LocalElasticsearch.startCluster(LocalElasticsearchOptions.defaults(), 1).get(0);
        List<String> arguments = List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.SERVER + database,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=",
                "--spring.elasticsearch.uris=" + elasticsearch.httpUri(),
                "--marketplace.catalogue.index-prefix=" + prefix,
                "--marketplace.rate-limit.enabled=false",
                "--marketplace.catalogue.rebuild.poll-interval=200ms");
        // One after the other: the first node creates the catalogue index and its alias.
        a = MarketplaceNode.start("node-a", arguments);
        b = MarketplaceNode.start("node-b", arguments);
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        for (MarketplaceNode node : new MarketplaceNode[] {a, b}) {
            if (node != null && node.isAlive()) {
                node.kill();
            }
        }
        if (elasticsearch != null) {
            elasticsearch.stop();
        }
    }

    @Test
    void oneRebuildAtATimeAndTheOtherNodeFinishesItWhenTheNodeRunningItIsKilled() throws Exception {
        seed();
        Map<String, String> registered = StoredPrograms.registeredNames(db);
        assertThat(registered).hasSize(PROGRAMS + 1);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
               .untilAsserted(() -> assertThat(indexedCount()).isEqualTo(registered.size()));
        String oldIndex = live().get(0);

        HttpGraphQlTester adminOnA = admin(a);
        HttpGraphQlTester adminOnB = admin(b);
        String newIndex = adminOnA.documentName("rebuildCatalogue").execute()
                .path("rebuildCatalogue.state").entity(String.class).isEqualTo("RUNNING")
                .path("rebuildCatalogue.index").entity(String.class).get();
        adminOnB.documentName("rebuildCatalogue").execute().errors().satisfy(errors -> assertThat(errors)
                .as("a second rebuild started on the other node").singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("code", "REBUILD_RUNNING");
                }));

        // Either node may hold the rebuild's segments (each runs the rebuild processor, and the first to look claims
        // what is free). The one holding them is killed once the rebuild has replayed some events, before it ends.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                (rebuildClaimsOf(a.id()) > 0 || rebuildClaimsOf(b.id()) > 0) && processed(adminOnB) > 0);
        MarketplaceNode victim = rebuildClaimsOf(a.id()) > 0 ? a : b;
        MarketplaceNode survivor = victim == a ? b : a;
        HttpGraphQlTester adminOnSurvivor = victim == a ? adminOnB : adminOnA;
        String stateAtKill = state(adminOnSurvivor);
        victim.kill();
        long killed = System.nanoTime();
        assertThat(stateAtKill).as("the rebuild when its node was killed").isEqualTo("RUNNING");
        assertThat(live()).as("the old index serves meanwhile").containsExactly(oldIndex);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
               .untilAsserted(() -> assertThat(state(adminOnSurvivor)).isEqualTo("DONE"));
        System.out.printf("scale: the rebuild of %d programs finished on %s %d ms after %s was killed%n",
                          registered.size(), survivor.id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed),
                          victim.id());
        assertThat(live()).as("the read alias").containsExactly(newIndex);
        assertThat(indexedNames()).as("every program once in the new index").isEqualTo(registered);
        assertThat(searchTotal(survivor)).as("all programs, searched through the survivor")
                .isEqualTo(registered.size());

        // The live processor runs again on the survivor, into the new index.
        String late = new Marketplace(survivor.graphQl()).publish("dev-late", "Published After The Rebuild");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(indexedNames()).containsEntry(late, "Published After The Rebuild"));
    }

    /**
     * One program published through the API, then its four event rows copied for {@code PROGRAMS} new programs in
     * one statement: each copy has its own id and name, in payloads and aggregate ids alike. Faster than thousands
     * of GraphQL calls, and the rows are exactly the ones the commands store. The ids are derived from the copy's
     * number, not drawn per row: a volatile uuid in the joined subquery may be drawn again for every event.
     */
    private void seed() {
        String template = new Marketplace(a.graphQl()).publish("dev-seed", TEMPLATE);
        int events = db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                       Integer.class, template);
        int copied = db.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                select gen_random_uuid()::text, p.id, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                       e.payload_revision,
                       convert_to(replace(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, p.id),
                                          ?, 'Rebuild Seed ' || p.n), 'UTF8'),
                       e.meta_data
                from domain_event_entry e
                cross join (select n, md5('rebuild-seed-' || n)::uuid::text as id from generate_series(1, ?) n) p
                where e.aggregate_identifier = ?
                order by p.n, e.sequence_number""", TEMPLATE, PROGRAMS, template);
        assertThat(copied).isEqualTo(PROGRAMS * events);
    }

    private static HttpGraphQlTester admin(MarketplaceNode node) {
        return node.graphQl().mutate().header("Authorization", "Bearer " + Tokens.forUser("admin-scale", Role.ADMIN))
                   .build();
    }

    private static String state(HttpGraphQlTester admin) {
        GraphQlTester.Response progress = admin.documentName("catalogueRebuild").execute();
        return progress.path("catalogueRebuild.state").entity(String.class).get();
    }

    private static double processed(HttpGraphQlTester admin) {
        return admin.documentName("catalogueRebuild").execute().path("catalogueRebuild.processed")
                    .entity(Double.class).get();
    }

    /** The rebuild segments a node holds. */
    private int rebuildClaimsOf(String node) {
        return db.queryForObject("select count(*) from token_entry where processor_name = ? and owner_id = ?",
                                 Integer.class, REBUILD_PROCESSOR, node);
    }

    private long searchTotal(MarketplaceNode node) {
        return node.graphQl().documentName("search").variable("query", null).variable("first", 1).execute()
                   .path("catalogue.totalCount").entity(Long.class).get();
    }

    private List<String> live() throws Exception {
        List<String> indices = new ArrayList<>();
        JSON.readTree(get("/_alias/" + prefix + CATALOGUE)).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    private int indexedCount() throws Exception {
        refresh();
        return JSON.readTree(get("/" + prefix + CATALOGUE + "/_count")).path("count").asInt();
    }

    private Map<String, String> indexedNames() throws Exception {
        refresh();
        Map<String, String> indexed = new HashMap<>();
        JsonNode page = JSON.readTree(get("/" + prefix + CATALOGUE + "/_search?scroll=1m&size=5000"
                                          + "&_source_includes=name"));
        while (page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(h -> assertThat(indexed.put(h.path("_id").asText(),
                    h.path("_source").path("name").asText())).as("one document per program").isNull());
            String scroll = page.path("_scroll_id").asText();
            page = JSON.readTree(post("/_search/scroll", "{\"scroll\":\"1m\",\"scroll_id\":\"" + scroll + "\"}"));
        }
        return indexed;
    }

    private void refresh() throws Exception {
        post("/" + prefix + CATALOGUE + "/_refresh", "");
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(elasticsearch.httpUri() + path)).build(),
                         HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(elasticsearch.httpUri() + path))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofString()).body();
    }
}
