package dev.marketplace.app.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on 127.0.0.1 as a developer would write one: it checks each delivery's signature and timestamp,
 * answers 500 to the first {@code failures} attempts, and records what it accepted. A receiver can also hold every
 * request until released, to play a slow endpoint.
 */
final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusedSignatures = new CopyOnWriteArrayList<>();
    private final CountDownLatch release;
    private volatile String secret;

    LoopbackReceiver(int failures, boolean slow) throws IOException {
        release = new CountDownLatch(slow ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            try (exchange) {
                int attempt = attempts.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                awaitRelease();
                String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
                String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
                boolean fresh = timestamp != null
                                && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
                boolean genuine = fresh && signature != null && MessageDigest.isEqual(
                        signature.getBytes(StandardCharsets.US_ASCII),
                        WebhookSignature.sign(secret, Long.parseLong(timestamp), body)
                                        .getBytes(StandardCharsets.US_ASCII));
                if (!genuine) {
                    refusedSignatures.add(body);
                    exchange.sendResponseHeaders(401, -1);
                } else if (attempt <= failures) {
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    accepted.add(body);
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        });
        server.start();
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void expectSecret(String secret) {
        this.secret = secret;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int attempts() {
        return attempts.get();
    }

    List<String> accepted() {
        return accepted;
    }

    List<String> refusedSignatures() {
        return refusedSignatures;
    }

    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
