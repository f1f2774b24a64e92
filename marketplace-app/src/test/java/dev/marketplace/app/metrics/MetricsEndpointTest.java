package dev.marketplace.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The series operators alert on arrive at {@code /actuator/prometheus} on the metrics port with their tags, and
 * the API's port never serves them, however the path is spelt.
 */
@MarketplaceIntegrationTest
class MetricsEndpointTest extends MarketplaceClientTest {

    @LocalServerPort
    int apiPort;
    @Autowired
    Connector metricsConnector;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void commandsQueriesProcessorsAndElasticsearchAreMeasured() {
        marketplace.publish("metered-dev", "Metered Program");
        marketplace.anonymous().document("query MeteredSuggest { suggest(prefix: \"me\") }").execute();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape())
                .containsPattern("marketplace_commands_successTimer_seconds_count\\{payloadType=\"\\w+Command\"} [1-9]")
                .containsPattern("marketplace_commands_failureTimer_seconds_count\\{payloadType=\"\\w+Command\"}")
                .containsPattern("graphql_request_seconds_count\\{error=\"none\",graphql_operation_name=\"MeteredSuggest\","
                                 + "graphql_operation_type=\"query\",graphql_outcome=\"SUCCESS\"} 1")
                .containsPattern("marketplace_processor_lag_events\\{processor=\"catalogue\",segment=\"0\"} 0")
                .containsPattern("marketplace_processor_lag_seconds\\{processor=\"catalogue\",segment=\"1\"} 0")
                .containsPattern("marketplace_dead_letters_waiting\\{group=\"catalogue\"} 0")
                .containsPattern("marketplace_elasticsearch_requests_seconds_count\\{api=\"_search\",method=\"POST\","
                                 + "status=\"200\"} [1-9]")
                .containsPattern("marketplace_rate_limit_refusals_total\\{limit=\"address\"} 0")
                .containsPattern("marketplace_search_open_points_in_time \\d"));
    }

    @Test
    void theApiPortNeverServesTheMetrics() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/prometheus/", "/actuator/Prometheus",
                                         "/actuator;x=1/prometheus", "/actuator/%70rometheus", "/actuator/./prometheus"}) {
            assertThat(get(apiPort, path).statusCode()).as(path).isIn(400, 404);
        }
        assertThat(get(apiPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(metricsConnector.getLocalPort(), "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(metricsConnector.getLocalPort(), "/graphiql").statusCode()).isEqualTo(404);
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get(metricsConnector.getLocalPort(), MetricsPort.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }
}
