package dev.marketplace.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP to the local Elasticsearch node: the baselines talk to it with nothing of the marketplace between. */
final class RawElasticsearch {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RawElasticsearch(String uri) {
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
    }

    String post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                               .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    String put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                               .PUT(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    String delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), path);
    }

    private String send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Elasticsearch " + path + " answered " + response.statusCode()
                                                + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
