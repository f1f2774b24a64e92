package dev.marketplace.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Debian's real Prometheus ({@code /usr/bin/prometheus}, {@code .ci/run} installs it) scrapes a running marketplace
 * on loopback with the repository's alert rules loaded, and the lag and command series arrive in its database.
 * The rules pass {@code promtool check rules} first. Run with {@code mvn verify -Pprometheus -pl marketplace-app -am}.
 */
@Tag("prometheus")
@MarketplaceIntegrationTest
class PrometheusScrapeTest extends MarketplaceClientTest {

    static final Path RULES = Path.of("..", "ops", "prometheus", "marketplace-rules.yml").toAbsolutePath().normalize();

    @Autowired
    Connector metricsConnector;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Process prometheus;

    @Test
    void prometheusScrapesTheLagAndCommandSeries() throws Exception {
        assertThat(run("promtool", "check", "rules", RULES.toString())).as("promtool check rules").isZero();
        int port = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: marketplace
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(RULES, metricsConnector.getLocalPort()));
        prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.path=" + dir.resolve("data"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        marketplace.publish("scraped-dev", "Scraped Program");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
               .untilAsserted(() -> {
                   assertThat(series(port, "marketplace_processor_lag_events{processor=\"catalogue\"}"))
                           .extracting(s -> s.path("metric").path("segment").asText()).contains("0", "1");
                   assertThat(series(port, "marketplace_processor_lag_seconds")).isNotEmpty();
                   assertThat(series(port, "marketplace_commands_successTimer_seconds_count"))
                           .extracting(s -> s.path("metric").path("payloadType").asText())
                           .anyMatch(type -> type.endsWith("Command"));
               });
        JsonNode rules = get(port, "/api/v1/rules").path("data").path("groups");
        assertThat(rules.findValues("name")).extracting(JsonNode::asText)
                .contains("ProcessorLagging", "DeadLettersWaiting", "CatalogueRebuildStalled");
    }

    @AfterEach
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    private List<JsonNode> series(int port, String query) throws Exception {
        JsonNode answer = get(port, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(answer.path("status").asText()).isEqualTo("success");
        List<JsonNode> result = new ArrayList<>();
        answer.path("data").path("result").forEach(result::add);
        return result;
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                           .GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(new File(command[0]).getName() + ".log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
