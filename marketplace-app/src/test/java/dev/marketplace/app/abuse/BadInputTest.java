package dev.marketplace.app.abuse;

import static dev.marketplace.app.support.RawGraphQl.REGISTER;
import static dev.marketplace.app.support.RawGraphQl.json;
import static dev.marketplace.app.support.RawGraphQl.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.RawGraphQl;
import dev.marketplace.app.support.Tokens;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Bad and hostile input sent as a developer over HTTP. Each case must get a clear answer naming the problem:
 * never a 5xx, never a stack trace or class name, and nothing stored.
 */
@MarketplaceIntegrationTest
class BadInputTest {

    @Autowired
    RawGraphQl graphQl;
    @Autowired
    JdbcTemplate jdbc;
    String token;

    @BeforeEach
    void signIn() {
        token = Tokens.forUser("dev-abuse", Role.DEVELOPER, Role.USER);
    }

    static Stream<Arguments> badRequests() {
        String huge = "x".repeat(300_000);
        String manyTags = "[" + "\"t\",".repeat(5_000) + "\"t\"]";
        return Stream.of(
                Arguments.of("malformed document", json("{ catalogue(query: \"a\" { totalCount } }", "{}"),
                             "InvalidSyntax"),
                Arguments.of("unknown field", json("{ catalogue { totalCount secretField } }", "{}"),
                             "secretField"),
                Arguments.of("wrong argument type", json("{ catalogue(first: \"ten\") { totalCount } }", "{}"),
                             "first"),
                Arguments.of("unknown enum value", json("{ catalogue(sort: LOUDEST) { totalCount } }", "{}"),
                             "LOUDEST"),
                Arguments.of("huge first", json("{ catalogue(first: 1000000) { totalCount } }", "{}"), "first"),
                Arguments.of("negative first", json("{ catalogue(first: -5) { totalCount } }", "{}"), "first"),
                Arguments.of("malformed version id",
                             json("mutation { approveVersion(versionId: \"no-slash\") { id } }", "{}"), "versionId"),
                Arguments.of("malformed program id",
                             json("mutation { delistMiniProgram(id: \"../../etc\") { id } }", "{}"), "id"),
                Arguments.of("malformed cursor", json("{ catalogue(after: \"%%%\") { totalCount } }", "{}"), "after"),
                Arguments.of("malformed date",
                             json("{ miniProgramAsOf(id: \"a\", at: \"yesterday\") { id } }", "{}"), "yesterday"),
                Arguments.of("name too long", register("\"" + "n".repeat(51) + "\"", "[]"), "name"),
                Arguments.of("right-to-left override in name", register("\"Good\\u202Egnp.exe\"", "[]"), "name"),
                Arguments.of("zero-width space in name", register("\"Walmart\\u200B\"", "[]"), "name"),
                Arguments.of("too many tags", register("\"Tag Flood\"", manyTags), "tags"),
                Arguments.of("missing required input", json(REGISTER, "{}"), "input"),
                Arguments.of("batching is not supported", "[" + json("{ suggest(prefix: \"a\") }", "{}") + ","
                        + json("{ suggest(prefix: \"b\") }", "{}") + "]", null),
                Arguments.of("not JSON at all", "this is not json", null),
                Arguments.of("request too large", json("{ suggest(prefix: \"" + huge + "\") }", "{}"),
                             "at most"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsAClearAnswerAndStoresNothing(String kind, String body, String named) {
        long events = graphQl.events();

        EntityExchangeResult<String> result = graphQl.post(token, body).expectBody(String.class).returnResult();

        assertThat(result.getStatus().is5xxServerError()).as("status %s", result.getStatus()).isFalse();
        String answer = result.getResponseBody() == null ? "" : result.getResponseBody();
        assertThat(answer).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.marketplace.")
                          .doesNotContain("INTERNAL");
        if (named != null) {
            assertThat(answer).contains("\"errors\"").contains(named);
        } else {
            assertThat(result.getStatus().is4xxClientError()).as("status %s", result.getStatus()).isTrue();
        }
        assertThat(graphQl.events()).isEqualTo(events);
    }

    @Test
    void anInvalidVersionNumberIsNamedAndStoresNothing() {
        graphQl.post(token, register("\"Versioned Abuse\"", "[]"))
               .expectBody().jsonPath("$.data.registerMiniProgram.id").isNotEmpty();
        String program = jdbc.queryForObject("select program_id from program_name where normalized_name = ?",
                                             String.class, "versioned abuse");
        long events = graphQl.events();

        graphQl.post(token, json("mutation { submitVersion(input: {miniProgramId: \"" + program + "\", version: "
                                 + "\"1.0\", changelog: \"c\", packageDigest: \"" + "a".repeat(64) + "\", "
                                 + "packageSize: 1}) { id } }", "{}"))
               .expectStatus().isOk().expectBody()
               .jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_INPUT")
               .jsonPath("$.errors[0].extensions.field").isEqualTo("version")
               .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("'1.0'"));
        assertThat(graphQl.events()).isEqualTo(events);
    }

    @Test
    void searchTextThatLooksLikeQuerySyntaxIsJustText() {
        for (String text : new String[] {"name:* OR 1=1", "\\\" } ] }", "*?~^", "<script>alert(1)</script>",
                "𠮷野家 🍜 مرحبا", "e\u0301cole"}) {
            String body = json("query($q: String) { catalogue(query: $q) { totalCount } }",
                               "{\"q\": " + quote(text) + "}");
            graphQl.post(null, body).expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist()
                   .jsonPath("$.data.catalogue.totalCount").isNumber();
        }
    }

    private static String register(String name, String tags) {
        return json(REGISTER, "{\"input\": {\"name\": " + name + ", \"summary\": \"s\", \"category\": \"TOOLS\", "
                              + "\"tags\": " + tags + "}}");
    }
}
