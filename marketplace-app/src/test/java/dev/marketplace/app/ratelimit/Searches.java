package dev.marketplace.app.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The cheapest GraphQL request, as a signed-in user sends it to a node on {@code port}. */
final class Searches {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Searches() {
    }

    static HttpResponse<String> search(int port, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}")).build(),
                         HttpResponse.BodyHandlers.ofString());
    }
}
