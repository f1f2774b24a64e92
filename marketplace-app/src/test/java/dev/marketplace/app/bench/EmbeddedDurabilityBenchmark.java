package dev.marketplace.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.EmbeddedDatabase;
import dev.marketplace.app.support.MarketplaceNode;
import dev.marketplace.app.support.Tokens;
import dev.marketplace.elasticsearch.LocalElasticsearch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What durable commits cost the embedded default: registrations per second from 6 closed-loop clients against a
 * marketplace on its H2 file store, once as configured (each commit written before the answer) and once with H2's
 * own default of writing commits up to 500 ms later. Prints both; asserts only that each run made progress.
 */
@Tag("bench")
class EmbeddedDurabilityBenchmark {

    private static final int CLIENTS = 6;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void registrationsPerSecondWithAndWithoutDurableCommits() throws Exception {
        double durable = registrationsPerSecond("durable", false);
        double lazy = registrationsPerSecond("lazy", true);
        String table = "| H2 commits | registrations/s |\n|---|---:|\n"
                       + "| written before the answer (WRITE_DELAY=0, configured) | " + Results.f(durable) + " |\n"
                       + "| written up to 500 ms later (H2's default) | " + Results.f(lazy) + " |\n";
        System.out.println(table);
        Path out = Path.of("target", "bench", "embedded-durability.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        assertThat(durable).isPositive();
        assertThat(lazy).isPositive();
    }

    private double registrationsPerSecond(String label, boolean lazyCommits) throws Exception {
        Path folder = Files.createTempDirectory("embedded-" + label + "-");
        String configured = EmbeddedDatabase.url(folder);
        String jdbc = lazyCommits ? configured.replace("WRITE_DELAY=0", "WRITE_DELAY=500") : configured;
        MarketplaceNode node = MarketplaceNode.start("embedded-" + label, List.of(
                "--spring.datasource.url=" + jdbc,
                "--spring.elasticsearch.uris=" + LocalElasticsearch.shared().httpUri(),
                "--marketplace.catalogue.index-prefix=" + folder.getFileName() + "-",
                "--marketplace.rate-limit.enabled=false"));
        try {
            String token = Tokens.forUser("dev-durability", Role.DEVELOPER);
            AtomicInteger names = new AtomicInteger();
            AtomicLong acknowledged = new AtomicLong();
            long warmEnd = System.nanoTime() + WARM_UP.toNanos();
            long end = warmEnd + MEASURED.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        String body = register(node.graphQlUrl(), token, label + " load " + names.incrementAndGet());
                        if (body.contains("\"id\"") && System.nanoTime() >= warmEnd) {
                            acknowledged.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(MEASURED.plus(WARM_UP).toSeconds() + 60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            return acknowledged.get() / (double) MEASURED.toSeconds();
        } finally {
            node.stop();
        }
    }

    private String register(String url, String token, String name) throws IOException, InterruptedException {
        String query = "mutation { registerMiniProgram(input: {name: \\\"" + name + "\\\", summary: \\\"load\\\", "
                       + "category: TOOLS}) { id } }";
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
