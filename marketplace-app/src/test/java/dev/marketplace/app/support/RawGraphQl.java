package dev.marketplace.app.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL requests whose JSON bodies a test writes by hand, as a hostile client would (escapes, lone surrogates,
 * malformed documents), and the count of stored events that tells whether such a request stored anything.
 */
public final class RawGraphQl {

    public static final String REGISTER =
            "mutation($input: RegisterMiniProgramInput!) { registerMiniProgram(input: $input) { id } }";

    private final WebTestClient web;
    private final JdbcTemplate jdbc;

    RawGraphQl(WebTestClient web, JdbcTemplate jdbc) {
        this.web = web;
        this.jdbc = jdbc;
    }

    /** Posts {@code body} to {@code /graphql} as the holder of {@code token} (none when null). */
    public WebTestClient.ResponseSpec post(String token, String body) {
        WebTestClient.RequestBodySpec request = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.bodyValue(body).exchange();
    }

    /** How many events the event store holds. */
    public long events() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** A request body of {@code query} with {@code variables} given as JSON text. */
    public static String json(String query, String variables) {
        return "{\"query\": " + quote(query) + ", \"variables\": " + variables + "}";
    }

    /** {@code text} as a JSON string literal (quotes and backslashes escaped, nothing else). */
    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
