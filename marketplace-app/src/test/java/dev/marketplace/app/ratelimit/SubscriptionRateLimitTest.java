package dev.marketplace.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Subscriptions count against the same per-user buckets as every other request: each operation sent over a GraphQL
 * WebSocket (graphql-transport-ws) and each server-sent-events subscription. Over the limit, a WebSocket operation
 * is answered with a RATE_LIMITED error and the socket is closed (4429) when the client keeps on; an SSE
 * subscription is refused with 429.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.rate-limit.per-user.capacity=3",
                                  "marketplace.rate-limit.per-user.per-second=0.001"})
class SubscriptionRateLimitTest {

    static final String SUBSCRIBE = "{\"id\":\"%d\",\"type\":\"subscribe\",\"payload\":{\"query\":"
            + "\"subscription { versionStatusChanged(miniProgramId: \\\"nothing-%d\\\") { id status } }\"}}";

    final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    @Test
    void operationsOverAWebSocketUseTheUsersBucketAndAPersistentClientIsCutOff() throws Exception {
        String token = Tokens.forUser("ws-flood", Role.USER);
        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Collecting(messages, closed))
                .get();
        socket.sendText("{\"type\":\"connection_init\"}", true).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> messages.stream().anyMatch(m -> m.contains("connection_ack")));

        // The handshake took the first of the user's three tokens; two operations run, the next ones are refused.
        for (int id = 1; id <= 5 && !closed.isDone(); id++) {
            socket.sendText(SUBSCRIBE.formatted(id, id), true).get();
        }

        assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("close code").isEqualTo(4429);
        assertThat(messages).anyMatch(m -> m.contains("\"id\":\"3\"") && m.contains("RATE_LIMITED")
                                           && m.contains("TOO_MANY_REQUESTS"));
        assertThat(messages).noneMatch(m -> (m.contains("\"id\":\"1\"") || m.contains("\"id\":\"2\""))
                                            && m.contains("RATE_LIMITED"));
        assertThat(Searches.search(port, token).statusCode()).as("the same user over HTTP").isEqualTo(429);
    }

    @Test
    void serverSentEventSubscriptionsUseTheUsersBucket() throws Exception {
        String token = Tokens.forUser("sse-flood", Role.USER);
        for (int i = 0; i < 3; i++) {
            HttpResponse<InputStream> stream = subscribeOverSse(token, i);
            assertThat(stream.statusCode()).isEqualTo(200);
            stream.body().close();
        }
        HttpResponse<InputStream> refused = subscribeOverSse(token, 3);
        assertThat(refused.statusCode()).isEqualTo(429);
        try (InputStream body = refused.body()) {
            assertThat(new String(body.readAllBytes())).contains("RATE_LIMITED");
        }
    }

    private HttpResponse<InputStream> subscribeOverSse(String token, int n) throws Exception {
        String body = "{\"query\":\"subscription { versionStatusChanged(miniProgramId: \\\"nothing-" + n
                      + "\\\") { id status } }\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .header("Accept", "text/event-stream")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Keeps every text message and completes {@code closed} with the close code. */
    private record Collecting(List<String> messages, CompletableFuture<Integer> closed) implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            messages.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
