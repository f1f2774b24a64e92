package dev.marketplace.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Posts GraphQL documents to the marketplace over loopback HTTP, as a signed-in client would. */
final class GraphQl {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    GraphQl(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** The answer's {@code data}; fails when the server answered with an error. */
    JsonNode call(String user, Role role, String document, Map<String, Object> variables) {
        try {
            return data(post(user == null ? null : tokens.computeIfAbsent(user + "/" + role,
                                                                           k -> Tokens.forUser(user, role)),
                             JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL call failed: " + e.getMessage(), e);
        }
    }

    /** Uploads a package as {@code developer} ({@code POST /packages}); its digest. */
    String upload(String developer, byte[] zip) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/packages")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/zip")
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(developer + "/" + Role.DEVELOPER,
                                                                            k -> Tokens.forUser(developer,
                                                                                                Role.DEVELOPER)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return tree(response.body()).get("digest").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Upload failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends a prepared body anonymously; the answer's {@code data}. */
    JsonNode query(String body) {
        return data(post(null, body));
    }

    private String post(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode data(String body) {
        JsonNode answer = tree(body);
        if (answer.hasNonNull("errors")) {
            throw new IllegalStateException("GraphQL errors: " + answer.get("errors"));
        }
        return answer.get("data");
    }

    /** A JSON answer read as a tree; an answer that is not JSON fails with its first characters. */
    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + Results.abbreviated(json), e);
        }
    }
}
