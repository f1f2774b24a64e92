package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.MarketplaceNode;
import dev.marketplace.app.support.PostgresTestDatabase;
import dev.marketplace.app.support.TestPackages;
import dev.marketplace.app.support.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Packages at the size limit go in and out of a node whose heap is 256 MB, three at a time: upload and delivery
 * stream them (to disk, to the database a chunk at a time, and back), never holding one whole in memory. The node
 * shares this test run's Elasticsearch, on a database of its own.
 */
@MarketplaceIntegrationTest
class LargePackageTest {

    private static final int PARTS = 10;
    private static final int PART_BYTES = 2_000_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    Environment environment;
    @TempDir
    Path folder;

    @Test
    void twentyMegabytePackagesGoInAndOutOfANodeWithA256MegabyteHeap() throws Exception {
        String database = PostgresTestDatabase.create();
        MarketplaceNode node = MarketplaceNode.start("node-256m", "256m", List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.SERVER + database,
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                "--spring.elasticsearch.uris=" + environment.getProperty("spring.elasticsearch.uris"),
                "--marketplace.catalogue.index-prefix=" + database.replace('_', '-') + "-",
                "--marketplace.rate-limit.enabled=false"));
        try {
            String token = Tokens.forUser("dev-large", Role.DEVELOPER);
            List<Path> packages = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                packages.add(largePackage(i));
            }
            List<CompletableFuture<HttpResponse<String>>> uploads = packages.stream().map(p -> HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/packages"))
                               .header("Content-Type", "application/zip").header("Authorization", "Bearer " + token)
                               .timeout(Duration.ofMinutes(2)).POST(publisher(p)).build(),
                    HttpResponse.BodyHandlers.ofString())).toList();
            List<String> digests = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                HttpResponse<String> answer = uploads.get(i).get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                digests.add(sha256(packages.get(i)));
                assertThat(answer.body()).contains(digests.get(i)).contains("\"size\":" + Files.size(packages.get(i)));
            }
            assertThat(Files.size(packages.get(0))).isGreaterThan(19L * 1024 * 1024);

            List<CompletableFuture<HttpResponse<Path>>> downloads = new ArrayList<>();
            for (int i = 0; i < digests.size(); i++) {
                downloads.add(HTTP.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/packages/"
                                                          + digests.get(i)))
                                   .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofFile(folder.resolve("download-" + i + ".zip"))));
            }
            for (int i = 0; i < downloads.size(); i++) {
                HttpResponse<Path> answer = downloads.get(i).get();
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(sha256(answer.body())).isEqualTo(digests.get(i));
            }
            assertThat(node.isAlive()).isTrue();
        } finally {
            node.stop();
        }
    }

    /** A package just under 20 MB: a main package and nine subpackages of 2,000,000 incompressible bytes each. */
    private Path largePackage(int seed) throws IOException {
        StringBuilder subpackages = new StringBuilder();
        TestPackages pkg = TestPackages.empty().text("pages/index/index.js", "Page({});")
                                       .stored("assets/main.bin", TestPackages.random(PART_BYTES, seed * 100L));
        for (int part = 1; part < PARTS; part++) {
            subpackages.append(part > 1 ? "," : "").append("{\"root\": \"part").append(part)
                       .append("\", \"pages\": [\"index\"]}");
            pkg.text("part" + part + "/index.js", "Page({});")
               .stored("part" + part + "/data.bin", TestPackages.random(PART_BYTES, seed * 100L + part));
        }
        pkg.text("app.json", "{\"pages\": [\"pages/index/index\"], \"subpackages\": [" + subpackages + "]}");
        Path file = folder.resolve("large-" + seed + ".zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            pkg.writeTo(out);
        }
        return file;
    }

    private static HttpRequest.BodyPublisher publisher(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
