package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.RawHttp;
import dev.marketplace.app.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every spelling of the GraphQL path that the server routes to GraphQL gets the same body-size limit, chunked-body
 * rule, rate limit and authentication as {@code /graphql}; any other spelling is refused (400 by the firewall or 404)
 * and never reaches GraphQL. Sent over a raw socket, so no client normalises the path first.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.rate-limit.max-request-bytes=2000",
                                  "marketplace.rate-limit.per-user.capacity=2",
                                  "marketplace.rate-limit.per-user.per-second=0.001"})
class GraphQlPathSpellingsTest {

    static final String QUERY = "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}";
    static final String LARGE = "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\",\"x\":\"" + "a".repeat(3000) + "\"}";

    @LocalServerPort
    int port;
    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/graphql", "/%67raphql", "/%67%72%61%70%68%71%6c", "//graphql", "/graphql;x=1",
                            "/graphql;", "/graphql/", "/./graphql", "/x/../graphql", "/%2e/graphql", "/%2fgraphql",
                            "/graphql%3bx=1", "/graphql%2f", "/GraphQL", "/graphql?x=1", "/graphql#x"})
    void aSpellingRoutedToGraphQlMeetsEveryRuleOfGraphQl(String path) throws Exception {
        String user = "spelling-" + Integer.toHexString(path.hashCode());
        String token = Tokens.forUser(user, Role.USER);
        RawHttp.Response plain = http.postJson(path, token, QUERY);
        boolean routed = plain.status() == 200;
        assertThat(plain.status()).as("a plain query to %s", path).isIn(200, 400, 404);
        if (routed) {
            assertThat(plain.body()).contains("\"suggest\"");
        }

        expect(http.postJson(path, token, LARGE), routed, 413, "too large for " + path);
        byte[] chunk = QUERY.getBytes(StandardCharsets.UTF_8);
        byte[] chunked = (Integer.toHexString(chunk.length) + "\r\n" + QUERY + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        expect(http.post(path, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked",
                                      "Authorization", "Bearer " + token), chunked), routed, 411, "chunked to " + path);
        assertThat(http.postJson(path, "not.a.token", QUERY).status()).as("bad token to %s", path)
                .isIn(401, 400);
        // The plain query took one of the user's two tokens; the next is the last, the one after is refused.
        http.postJson(path, token, QUERY);
        expect(http.postJson(path, token, QUERY), routed, 429, "beyond the rate on " + path);
    }

    /**
     * A spelling routed to GraphQL gets exactly {@code rule}'s status; one that is not may also be refused outright
     * (400 or 404), as it never reaches GraphQL.
     */
    private static void expect(RawHttp.Response response, boolean routed, int rule, String what) {
        if (routed) {
            assertThat(response.status()).as(what).isEqualTo(rule);
        } else {
            assertThat(response.status()).as(what).isIn(rule, 400, 404);
        }
    }
}
