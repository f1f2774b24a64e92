package dev.marketplace.app.support;

import static org.awaitility.Awaitility.await;

import dev.marketplace.app.MarketplaceApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A marketplace in a JVM of its own, as one node of several on loopback: started with the test's class path,
 * ready once its readiness probe answers, stopped gracefully (SIGTERM) or killed (SIGKILL).
 */
public record MarketplaceNode(String id, int port, Process process) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Starts a node named {@code id} (its token-owner name) with {@code arguments} and waits until it is ready. */
    public static MarketplaceNode start(String id, List<String> arguments) throws IOException {
        return start(id, "384m", arguments);
    }

    /** The same with a heap of at most {@code maxHeap} (as {@code -Xmx} takes it). */
    public static MarketplaceNode start(String id, String maxHeap, List<String> arguments) throws IOException {
        int port = freePort();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MarketplaceApplication.class.getName(),
                "--server.port=" + port, "--marketplace.cluster.node-id=" + id));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/" + id + ".log")).start();
        MarketplaceNode node = new MarketplaceNode(id, port, process);
        try {
            await().atMost(Duration.ofSeconds(150)).ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("node " + id + " exited with " + process.exitValue() + "; see target/"
                                             + id + ".log");
                }
                return node.ready();
            });
        } catch (RuntimeException | AssertionError notReady) {
            process.destroyForcibly(); // nobody else holds it yet
            throw notReady;
        }
        return node;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String graphQlUrl() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    public HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(graphQlUrl())
                                                     .responseTimeout(Duration.ofSeconds(30)).build());
    }

    boolean ready() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** SIGTERM: Spring's graceful shutdown runs, event processors release their claims. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + id + " did not stop within 60 s of SIGTERM");
        }
    }

    /** SIGKILL: nothing of the node runs any more, its claims stay until they time out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** The last {@code most} lines of this node's log that {@code wanted} keeps, for a failure's message. */
    public List<String> logLines(Predicate<String> wanted, int most) {
        try (Stream<String> lines = Files.lines(Path.of("target", id + ".log"))) {
            List<String> kept = lines.filter(wanted).toList();
            return kept.subList(Math.max(0, kept.size() - most), kept.size());
        } catch (IOException | UncheckedIOException unreadable) {
            return List.of("(target/" + id + ".log unreadable: " + unreadable + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
