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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Three marketplace nodes (separate JVMs) on one PostgreSQL database and a two-node Elasticsearch cluster, all on
 * loopback. The scenarios run in order on the same JVMs: a node joins and takes its share of the catalogue
 * segments; concurrent edits of one program through every node are all kept (optimistic locking and retries);
 * commands spread over the nodes while one is killed; a deadline of the dead node fires once elsewhere;
 * a subscriber on one node sees a decision taken on another; search survives an Elasticsearch node; a node that
 * stops gracefully leaves no claims behind.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleTest {

    static final String CATALOGUE = "catalogue";
    static final int SEGMENTS = 6;
    static final Duration REVIEW_SLA = Duration.ofSeconds(20);
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<String> deadlinePrograms = new ArrayList<>();
    List<LocalElasticsearch> elasticsearch;
    List<String> nodeArguments;
    String prefix;
    JdbcTemplate db;
    MarketplaceNode a;
    MarketplaceNode b;
    MarketplaceNode c;

    @BeforeAll
    void startClusters() throws Exception {
        String database = PostgresTestDatabase.create();
        prefix = database.replace('_', '-') + "-";
        db = new JdbcTemplate(new DriverManagerDataSource(PostgresTestDatabase.SERVER + database,
                                                          PostgresTestDatabase.USER, ""));
        elasticsearch = LocalElasticsearch.startCluster(LocalElasticsearchOptions.defaults(), 2);
        List<String> arguments = List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.SERVER + database,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.elasticsearch.uris=" + String.join(",", elasticsearch.stream().map(LocalElasticsearch::httpUri).toList()),
                "--marketplace.catalogue.index-prefix=" + prefix,
                "--marketplace.rate-limit.enabled=false",
                "--marketplace.programs.review-sla=" + REVIEW_SLA,
                // A three-node deployment: a multiple of its node count, so every node gets an even share.
                "--axon.eventhandling.processors.catalogue.initial-segment-count=" + SEGMENTS,
                "--axon.eventhandling.processors.catalogue.thread-count=" + SEGMENTS);
        nodeArguments = arguments;
        // One after the other: the first node creates the catalogue index and its alias.
        a = MarketplaceNode.start("node-a", arguments);
        b = MarketplaceNode.start("node-b", arguments);
    }

    @AfterAll
    void stopClusters() throws InterruptedException {
        for (MarketplaceNode node : new MarketplaceNode[] {a, b, c}) {
            if (node != null && node.isAlive()) {
                node.kill();
            }
        }
        if (elasticsearch != null) {
            elasticsearch.parallelStream().forEach(LocalElasticsearch::stop);
        }
    }

    @Test
    @Order(1)
    void aNodeAddedLaterTakesAShareOfTheSegmentsWithoutRestartingTheOthers() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(claimsByOwner()).isEqualTo(Map.of("node-a", 3, "node-b", 3)));
        long pidA = a.pid();
        long pidB = b.pid();

        c = MarketplaceNode.start("node-c", nodeArguments);
        long joined = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(claimsByOwner()).isEqualTo(Map.of("node-a", 2, "node-b", 2, "node-c", 2)));
        System.out.printf("scale: node-c held its 2 of %d segments %d ms after it was ready%n", SEGMENTS,
                          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joined));
        assertThat(a.isAlive() && b.isAlive()).as("the first two nodes still run").isTrue();
        assertThat(List.of(a.pid(), b.pid())).as("and were not restarted").containsExactly(pidA, pidB);
    }

    @Test
    @Order(2)
    void concurrentEditsOfOneProgramThroughEveryNodeAreStoredOrReportedAsConflicts() throws Exception {
        String program = new Marketplace(a.graphQl()).register("dev-race", "Edited Everywhere At Once");
        List<MarketplaceNode> nodes = List.of(a, b, c);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService editors = Executors.newFixedThreadPool(15);
        List<Future<String>> edits = new ArrayList<>();
        String token = Tokens.forUser("dev-race", Role.DEVELOPER);
        for (int i = 0; i < 15; i++) {
            MarketplaceNode node = nodes.get(i % 3);
            String mutation = "mutation { updateListing(input: {miniProgramId: \\\"" + program + "\\\", summary: "
                              + "\\\"Summary number " + i + "\\\"}) { id } }";
            edits.add(editors.submit(() -> {
                start.await();
                return post(node, token, mutation);
            }));
        }
        start.countDown();
        int stored = 0;
        int conflicts = 0;
        for (Future<String> edit : edits) {
            String answer = edit.get(60, TimeUnit.SECONDS);
            if (answer.contains("\"errors\"")) {
                assertThat(answer).as("a lost race is reported as a conflict, nothing else").contains("\"CONFLICT\"");
                conflicts++;
            } else {
                assertThat(answer).contains(program);
                stored++;
            }
        }
        editors.shutdown();
        System.out.printf("scale: 15 concurrent edits of one program through 3 nodes: %d stored, %d conflicts"
                          + " reported after retries%n", stored, conflicts);

        assertThat(stored).as("edits stored").isPositive();
        assertThat(db.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                                   + " order by sequence_number", Long.class, program))
                .as("the registration and every acknowledged edit, sequence numbers without gaps")
                .containsExactlyElementsOf(LongStream.rangeClosed(0, stored).boxed().toList());
    }

    @Test
    @Order(3)
    void commandsSpreadOverTheNodesSurviveAKillAndEndInTheCatalogueOnce() throws Exception {
        Marketplace onC = new Marketplace(c.graphQl());
        for (int i = 1; i <= 3; i++) {
            String program = onC.register("dev-deadline", "Deadline Before Death " + i);
            onC.submit("dev-deadline", program, "1.0.0");
            deadlinePrograms.add(program);
        }

        List<MarketplaceNode> nodes = new CopyOnWriteArrayList<>(List.of(a, b, c));
        Map<String, AtomicInteger> acknowledgedBy = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger counter = new AtomicInteger();
        String token = Tokens.forUser("dev-scale", Role.DEVELOPER);
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            load.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = counter.incrementAndGet();
                    MarketplaceNode node = nodes.get(n % nodes.size());
                    try {
                        Matcher id = ID.matcher(register(node, token, "Scale Load " + n));
                        if (id.find()) {
                            acknowledged.add(id.group(1));
                            acknowledgedBy.computeIfAbsent(node.id(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the killed node refuses connections: the client tries the next node
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        long loadStarted = System.nanoTime();
        long killed;
        int atKill;
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= 120);
            c.kill();
            nodes.remove(c);
            killed = System.nanoTime();
            atKill = acknowledged.size();
            int beforeKill = atKill;
            await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= beforeKill + 120);
        } finally {
            load.shutdownNow();
        }
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - loadStarted) / 1e9;
        System.out.printf("scale: %d registrations acknowledged in %.1f s (%.0f/s from 6 clients; %s), node-c killed"
                          + " after %d%n", acknowledged.size(), seconds, acknowledged.size() / seconds, acknowledgedBy,
                          atKill);
        assertThat(acknowledgedBy.keySet()).as("every node took commands").containsExactlyInAnyOrder("node-a", "node-b", "node-c");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> claims = claimsByOwner();
            assertThat(claims.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
            assertThat(claims.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SEGMENTS);
        });
        System.out.printf("scale: node-c's segments were taken over %d ms after the kill%n",
                          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));

        Map<String, String> replayed = StoredPrograms.registeredNames(db);
        assertThat(replayed.keySet()).as("every acknowledged registration is stored").containsAll(acknowledged);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(indexedCount()).isEqualTo(replayed.size()));
        assertThat(indexedNames()).as("the catalogue equals a replay of the event store").isEqualTo(replayed);
        printStorageFigures();
    }

    @Test
    @Order(4)
    void aDeadlineScheduledBeforeItsNodeDiedFiresOnceOnAnother() {
        await().atMost(REVIEW_SLA.plusSeconds(60)).untilAsserted(() -> deadlinePrograms.forEach(p ->
                assertThat(escalations(p)).as(p).isEqualTo(1)));
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                deadlinePrograms.forEach(p -> assertThat(escalations(p)).as(p).isEqualTo(1)));
    }

    @Test
    @Order(5)
    void aSubscriberOnOneNodeSeesADecisionTakenOnAnother() {
        Marketplace onB = new Marketplace(b.graphQl());
        String program = onB.register("dev-follow", "Followed Across Nodes");
        String version = onB.submit("dev-follow", program, "1.0.0");
        onB.approve("reviewer-scale", version);
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        Disposable subscriber = HttpGraphQlClient.builder(WebClient.create(a.graphQlUrl()))
                .header("Authorization", "Bearer " + Tokens.forUser("dev-follow", Role.DEVELOPER))
                .documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql-test/")),
                                                           List.of(".graphql")))
                .build().documentName("subscription/versionStatusChanged").variable("miniProgramId", program)
                .retrieveSubscription("versionStatusChanged").toEntity(JsonNode.class).subscribe(received::add);
        try {
            // node-a gives no sign when the subscription is in place, so node-b keeps widening the phased release,
            // one decision per poll, until node-a passes one of them on.
            AtomicInteger percentage = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                if (releases(received).isEmpty()) {
                    onB.as("dev-follow", Role.DEVELOPER).documentName("releaseVersion").variable("versionId", version)
                       .variable("percentage", percentage.incrementAndGet()).execute()
                       .path("releaseVersion.status").entity(String.class).isEqualTo("RELEASED");
                }
                assertThat(releases(received)).isNotEmpty();
            });
            // Earlier changes (submitted, approved) may arrive too, if node-a's update processor was still behind.
            assertThat(received).allSatisfy(change -> assertThat(change.path("id").asText()).isEqualTo(version));
            assertThat(releases(received).get(0).path("releasePercentage").asInt()).isBetween(1, percentage.get());
        } finally {
            subscriber.dispose();
        }
    }

    @Test
    @Order(5)
    void anApiKeyRevokedOnOneNodeIsRefusedOnAnotherWithinASecond() throws Exception {
        Marketplace onA = new Marketplace(a.graphQl());
        String key = onA.as("dev-keys", Role.DEVELOPER).documentName("authorization/createApiKey")
                        .variable("input", Map.of("name", "Pipeline", "scopes", List.of("READ"))).execute()
                        .path("createApiKey.key").entity(String.class).get();
        assertThat(withKey(b, key)).as("node-b accepts the key node-a made").isEqualTo(200);

        String id = onA.as("dev-keys", Role.DEVELOPER).documentName("authorization/apiKeys").execute()
                       .path("apiKeys[0].id").entity(String.class).get();
        onA.as("dev-keys", Role.DEVELOPER).documentName("authorization/revokeApiKey")
           .variable("id", id).execute()
           .path("revokeApiKey.revokedAt").hasValue();
        long revoked = System.nanoTime();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
               .untilAsserted(() -> assertThat(withKey(b, key)).isEqualTo(401));
        System.out.printf("scale: node-b refused the key %d ms after node-a revoked it%n",
                          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revoked));
    }

    private int withKey(MarketplaceNode node, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.graphQlUrl()))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(6)
    void searchKeepsAnsweringWhenAnElasticsearchNodeStops() throws Exception {
        Marketplace onA = new Marketplace(a.graphQl());
        List<String> published = List.of(onA.publish("dev-search", "Zebra Scan Ahead"),
                                          new Marketplace(b.graphQl()).publish("dev-search", "Zebra Order Ahead"));
        String index = elasticsearch.get(0).httpUri() + "/_cluster/health/" + prefix + CATALOGUE
                       + "?wait_for_status=green&timeout=60s";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(index)).build(), HttpResponse.BodyHandlers.ofString())
                       .statusCode()).as("the catalogue has its replica on the other node").isEqualTo(200);
        for (MarketplaceNode node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(searchZebra(node)).containsExactlyInAnyOrderElementsOf(published));
        }

        LocalElasticsearch stopped = nonMaster();
        stopped.stop();

        for (int i = 0; i < 5; i++) {
            for (MarketplaceNode node : List.of(a, b)) {
                assertThat(searchZebra(node)).as("search on %s with %s stopped", node.id(), stopped)
                                             .containsExactlyInAnyOrderElementsOf(published);
            }
        }
    }

    @Test
    @Order(7)
    void aNodeStoppedGracefullyLeavesNoClaimsAndTheOtherTakesItsSegments() throws Exception {
        assertThat(claimsByOwner()).containsKey("node-b");

        b.stop();

        assertThat(claimsByOwner()).as("claims of the stopped node").doesNotContainKey("node-b");
        assertThat(db.queryForObject("select count(*) from cluster_node where node_id = 'node-b'", Integer.class))
                .as("heartbeat row of the stopped node").isZero();
        long stopped = System.nanoTime();
        try {
            // Six token-claim intervals of 2 s and a release period of 10 s fit several times over.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(claimsByOwner()).isEqualTo(Map.of("node-a", SEGMENTS)));
        } catch (ConditionTimeoutException notTaken) {
            throw new AssertionError(notTaken.getMessage() + "\ntoken_entry of " + CATALOGUE + ": " + tokenRows()
                                     + "\nnode-a's log about it:\n" + String.join("\n", a.logLines(
                                             line -> line.contains("catalogue") || line.contains(" WARN ")
                                                     || line.contains(" ERROR "), 40)), notTaken);
        }
        System.out.printf("scale: node-a held all %d segments %d ms after node-b stopped%n", SEGMENTS,
                          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));
    }

    private List<Map<String, Object>> tokenRows() {
        return db.queryForList("select segment, owner_id, timestamp from token_entry where processor_name = ?"
                               + " order by segment", CATALOGUE);
    }

    /** Bytes per stored event (table, indexes and TOAST) and per catalogue document (primary store), for SCALING.md. */
    private void printStorageFigures() throws Exception {
        db.execute("vacuum analyze domain_event_entry");
        Map<String, Object> events = db.queryForMap("select count(*) as events, pg_total_relation_size('domain_event_entry')"
                + " as total, pg_relation_size('domain_event_entry') as heap,"
                + " avg(octet_length(payload) + octet_length(meta_data)) as payload from domain_event_entry");
        JsonNode stats = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(elasticsearch.get(0).httpUri() + "/"
                + prefix + CATALOGUE + "/_stats/docs,store")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("_all").path("primaries");
        long docs = stats.path("docs").path("count").asLong();
        long store = stats.path("store").path("size_in_bytes").asLong();
        System.out.printf("scale: %s events; domain_event_entry %s bytes in all (%s heap), payload+metadata %s bytes"
                          + " per event on average; catalogue %d documents in %d bytes (%d per document)%n",
                          events.get("events"), events.get("total"), events.get("heap"), events.get("payload"), docs,
                          store, docs == 0 ? 0 : store / docs);
    }

    private static List<JsonNode> releases(List<JsonNode> changes) {
        return changes.stream().filter(c -> c.path("status").asText().equals("RELEASED")).toList();
    }

    private Map<String, Integer> claimsByOwner() {
        Map<String, Integer> claims = new HashMap<>();
        db.query("select owner_id, count(*) from token_entry where processor_name = ? and owner_id is not null"
                 + " group by owner_id", rs -> {
                     claims.put(rs.getString(1), rs.getInt(2));
                 }, CATALOGUE);
        return claims;
    }

    private int escalations(String program) {
        return db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                                 + " and payload_type like '%ReviewEscalatedEvent'", Integer.class, program);
    }

    private int indexedCount() throws Exception {
        String es = elasticsearch.get(0).httpUri() + "/" + prefix + CATALOGUE;
        http.send(HttpRequest.newBuilder(URI.create(es + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody())
                             .build(), HttpResponse.BodyHandlers.discarding());
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(es + "/_count")).build(),
                                       HttpResponse.BodyHandlers.ofString()).body()).path("count").asInt();
    }

    private Map<String, String> indexedNames() throws Exception {
        String hits = http.send(HttpRequest.newBuilder(URI.create(elasticsearch.get(0).httpUri() + "/" + prefix
                + CATALOGUE + "/_search?size=10000&_source_includes=name")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> indexed = new HashMap<>();
        JSON.readTree(hits).path("hits").path("hits")
            .forEach(h -> assertThat(indexed.put(h.path("_id").asText(), h.path("_source").path("name").asText()))
                    .as("one document per program").isNull());
        return indexed;
    }

    private List<String> searchZebra(MarketplaceNode node) {
        List<String> ids = new ArrayList<>();
        node.graphQl().documentName("catalogue").variable("query", "zebra").variable("first", 10).execute()
            .path("catalogue.edges[*].node.id").entityList(String.class).get().forEach(ids::add);
        return ids;
    }

    /** The node that is not the elected master: a two-node cluster cannot elect a new master after losing one. */
    private LocalElasticsearch nonMaster() throws Exception {
        String master = http.send(HttpRequest.newBuilder(URI.create(elasticsearch.get(0).httpUri()
                + "/_cat/master?h=http_address")).build(), HttpResponse.BodyHandlers.ofString()).body().trim();
        return elasticsearch.stream().filter(e -> !e.httpUri().endsWith(":" + master.substring(master.lastIndexOf(':') + 1)))
                            .findFirst().orElseThrow();
    }

    private String register(MarketplaceNode node, String token, String name) throws IOException, InterruptedException {
        return post(node, token, "mutation { registerMiniProgram(input: {name: \\\"" + name + "\\\", summary: "
                                 + "\\\"load\\\", category: TOOLS}) { id } }");
    }

    /** A GraphQL document (already escaped for a JSON string) sent as the holder of {@code token}. */
    private String post(MarketplaceNode node, String token, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.graphQlUrl()))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
