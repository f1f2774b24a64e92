package dev.marketplace.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.MarketplaceApplication;
import dev.marketplace.app.support.EmbeddedDatabase;
import dev.marketplace.app.support.PostgresTestDatabase;
import dev.marketplace.app.support.Tokens;
import dev.marketplace.elasticsearch.LocalElasticsearch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * kill -9 of a running marketplace in the middle of a write load: every acknowledged command's events are in the
 * store, no refused command left anything, and after a restart the catalogue holds exactly the programs the event
 * store holds. On both event stores: PostgreSQL, and the embedded default's H2 file (the README's first command,
 * run in a folder of its own so that its {@code ./data} is the test's).
 */
class CrashTest {

    /** Where the marketplace under test keeps its events. */
    enum Engine {
        POSTGRESQL, EMBEDDED_H2
    }

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Process marketplace;

    @AfterEach
    void stop() {
        if (marketplace != null && marketplace.isAlive()) {
            marketplace.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void acknowledgedCommandsSurviveAKillAndTheCatalogueConvergesAfterRestart(Engine engine) throws Exception {
        String database = PostgresTestDatabase.create();
        String prefix = database.replace('_', '-') + "-";
        Path folder = Files.createTempDirectory("crash-test-");
        List<String> storeArguments = engine == Engine.POSTGRESQL ? List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.SERVER + database,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=") : List.of();
        int port = freePort();
        marketplace = start(folder, storeArguments, prefix, port);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refusedNames = ConcurrentHashMap.newKeySet();
        AtomicInteger counter = new AtomicInteger();
        String token = Tokens.forUser("dev-crash", Role.DEVELOPER);
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            load.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    String name = "Crash Load " + counter.incrementAndGet();
                    try {
                        String body = register(port, token, name);
                        Matcher id = ID.matcher(body);
                        if (id.find()) {
                            acknowledged.add(id.group(1));
                        } else if (body.contains("\"errors\"")) {
                            refusedNames.add(name);
                        }
                    } catch (IOException | InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);
        marketplace.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        load.shutdownNow();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // H2 allows one process at a time on its file: everything the test needs from the store is read now.
        SingleConnectionDataSource source = engine == Engine.POSTGRESQL
                ? new SingleConnectionDataSource(PostgresTestDatabase.SERVER + database, PostgresTestDatabase.USER,
                                                 "", true)
                : new SingleConnectionDataSource(EmbeddedDatabase.url(folder), "sa", "", true);
        JdbcTemplate store = new JdbcTemplate(source);
        Set<String> stored = new HashSet<>(store.queryForList(
                "select aggregate_identifier from domain_event_entry where payload_type like ?", String.class,
                "%MiniProgramRegisteredEvent"));
        System.out.printf("%s: %d registrations acknowledged before kill -9, %d of them stored%n", engine,
                          acknowledged.size(), acknowledged.stream().filter(stored::contains).count());
        assertThat(stored).containsAll(acknowledged);
        for (String name : refusedNames) {
            assertThat(store.queryForObject("select count(*) from program_name where normalized_name = ?",
                                            Long.class, name.toLowerCase())).as(name).isZero();
        }
        Map<String, String> replayed = new HashMap<>();
        store.query("select aggregate_identifier, payload from domain_event_entry where payload_type like ?",
                    rs -> {
                        try {
                            replayed.put(rs.getString(1), JSON.readTree(rs.getBytes(2)).path("name").asText());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }, "%MiniProgramRegisteredEvent");
        source.destroy();

        marketplace = start(folder, storeArguments, prefix, port);
        String es = LocalElasticsearch.shared().httpUri();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            http.send(HttpRequest.newBuilder(URI.create(es + "/" + prefix + "catalogue/_refresh"))
                                 .POST(HttpRequest.BodyPublishers.noBody()).build(),
                      HttpResponse.BodyHandlers.ofString());
            String count = http.send(HttpRequest.newBuilder(URI.create(es + "/" + prefix + "catalogue/_count"))
                                                .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(count).contains("\"count\":" + stored.size() + ",");
        });
        Map<String, String> indexed = new HashMap<>();
        String hits = http.send(HttpRequest.newBuilder(URI.create(es + "/" + prefix + "catalogue/_search?size=10000"
                + "&_source_includes=name")).build(), HttpResponse.BodyHandlers.ofString()).body();
        JSON.readTree(hits).path("hits").path("hits")
            .forEach(h -> indexed.put(h.path("_id").asText(), h.path("_source").path("name").asText()));
        assertThat(indexed).as("catalogue vs a replay of the event store").isEqualTo(replayed);
    }

    private String register(int port, String token, String name) throws IOException, InterruptedException {
        String query = "mutation { registerMiniProgram(input: {name: \\\"" + name + "\\\", summary: \\\"load\\\", "
                       + "category: TOOLS}) { id } }";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private Process start(Path folder, List<String> storeArguments, String prefix, int port) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                MarketplaceApplication.class.getName(), "--server.port=" + port));
        command.addAll(storeArguments);
        command.addAll(List.of("--spring.elasticsearch.uris=" + LocalElasticsearch.shared().httpUri(),
                               "--marketplace.catalogue.index-prefix=" + prefix,
                               "--marketplace.rate-limit.enabled=false"));
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        new File("target/crash-test-marketplace-" + folder.getFileName() + ".log")))
                .start();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
