package dev.marketplace.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts real Elasticsearch nodes (about 10-30 s each), so the slow cases stay few. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalElasticsearchTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sharedNodeIsHealthyListensOnLoopbackOnlyAndIsReused() throws Exception {
        LocalElasticsearch node = LocalElasticsearch.shared();

        assertThat(LocalElasticsearch.shared()).isSameAs(node);
        assertThat(node.isRunning()).isTrue();
        assertThat(node.httpUri()).matches("http://127\\.0\\.0\\.1:\\d+");
        JsonNode health = getJson(node.httpUri() + "/_cluster/health");
        assertThat(health.path("status").asText()).isIn("green", "yellow");
        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(1);
        JsonNode local = getJson(node.httpUri() + "/_nodes/_local/http,transport").path("nodes").elements().next();
        List<String> bound = new ArrayList<>();
        local.path("http").path("bound_address").forEach(a -> bound.add(a.asText()));
        local.path("transport").path("bound_address").forEach(a -> bound.add(a.asText()));
        assertThat(bound).isNotEmpty().allMatch(address -> address.startsWith("127.0.0.1:"));
    }

    @Test
    void stopLeavesNoProcessNoFolderAndNoListener() throws Exception {
        LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.defaults());
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(node.process());
        node.process().descendants().forEach(tree::add);
        Path folder = node.workingFolder();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive); // launcher + server JVM
        assertThat(get(node.httpUri() + "/_cluster/health").statusCode()).isEqualTo(200);
        assertThat(folder.resolve(PidFile.NAME)).isRegularFile();

        node.stop();

        assertThat(node.isRunning()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> get(node.httpUri() + "/_cluster/health")).isInstanceOf(IOException.class);
        assertThat(folder).doesNotExist();
        node.stop(); // idempotent
    }

    @Test
    void missingDistributionNamesThePathAndHowToGetIt(@TempDir Path temp) {
        Path missing = temp.resolve("nowhere/elasticsearch-9.5.4.zip");

        assertThatThrownBy(() -> LocalElasticsearch.start(LocalElasticsearchOptions.defaults().withDistribution(missing)))
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("mvn -pl local-elasticsearch package");
    }

    @Test
    void aNodeThatDiesDuringStartUpIsReportedWithItsLog() {
        LocalElasticsearchOptions tooSmall = LocalElasticsearchOptions.defaults().withHeap("1k");

        assertThatThrownBy(() -> LocalElasticsearch.start(tooSmall))
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("--- last")
                .hasMessageContaining("heap");
    }

    @Test
    void aNodeThatIsNotReadyInTimeIsKilledAndReported() {
        LocalElasticsearchOptions impatient = LocalElasticsearchOptions.defaults().withStartupTimeout(Duration.ofMillis(1));

        assertThatThrownBy(() -> LocalElasticsearch.start(impatient))
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining("did not report yellow health")
                .hasMessageContaining("within PT0.001S");
    }

    private static JsonNode getJson(String uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
