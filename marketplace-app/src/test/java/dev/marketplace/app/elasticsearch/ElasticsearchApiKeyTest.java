package dev.marketplace.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The API key reaches the cluster as an {@code Authorization: ApiKey} header; a loopback stub records it. */
class ElasticsearchApiKeyTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer stub;
    private ApplicationContextRunner runner;

    @BeforeEach
    void startStub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ElasticsearchRestClientAutoConfiguration.class))
                .withUserConfiguration(ElasticsearchApiKey.class)
                .withPropertyValues("spring.elasticsearch.uris=http://127.0.0.1:" + stub.getAddress().getPort());
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    @Test
    void everyRequestCarriesTheApiKey() {
        runner.withPropertyValues("marketplace.elasticsearch.api-key=VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==")
              .run(context -> {
                  RestClient client = context.getBean(RestClient.class);
                  client.performRequest(new Request("GET", "/_cluster/health"));
                  assertThat(authorizations).containsExactly(
                          "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
              });
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() {
        runner.run(context -> {
            context.getBean(RestClient.class).performRequest(new Request("GET", "/_cluster/health"));
            assertThat(authorizations).containsExactly("null");
        });
    }

    @Test
    void aKeyTogetherWithAUserNameIsRefusedByName() {
        runner.withPropertyValues("marketplace.elasticsearch.api-key=abc", "spring.elasticsearch.username=elastic")
              .run(context -> assertThat(context).getFailure()
                      .rootCause().hasMessageContaining("spring.elasticsearch.username"));
    }

    @Test
    void aBlankKeyIsRefusedByName() {
        runner.withPropertyValues("marketplace.elasticsearch.api-key= ")
              .run(context -> assertThat(context).getFailure()
                      .rootCause().hasMessageContaining("marketplace.elasticsearch.api-key"));
    }
}
