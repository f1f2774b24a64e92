package dev.marketplace.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a load balancer asks: readiness depends on the database and Elasticsearch (no traffic without them),
 * liveness only on the JVM itself (a restart would not bring a database back).
 */
@MarketplaceIntegrationTest
class HealthProbesTest {

    @LocalServerPort
    int port;

    @Test
    void readinessChecksTheDatabaseAndElasticsearch() throws Exception {
        JsonNode readiness = probe("readiness");

        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(components(readiness)).containsExactlyInAnyOrder("readinessState", "db", "elasticsearch");
    }

    @Test
    void livenessChecksNeitherTheDatabaseNorElasticsearch() throws Exception {
        JsonNode liveness = probe("liveness");

        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(components(liveness)).doesNotContain("db", "elasticsearch");
    }

    private JsonNode probe(String group) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/" + group)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<String> components(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.path("components").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
