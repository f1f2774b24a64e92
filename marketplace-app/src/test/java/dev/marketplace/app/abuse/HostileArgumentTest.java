package dev.marketplace.app.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Arguments too long, too many or malformed, sent by someone holding every role so that nothing else refuses them
 * first. Each is refused as BAD_REQUEST naming the argument before it reaches Elasticsearch, the database or a
 * command, and none leaves an ERROR in the log.
 */
@MarketplaceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileArgumentTest {

    static final String LONG_ID = "p".repeat(5_000) + "/" + "1".repeat(5_000);

    @Autowired
    WebTestClient web;

    static Stream<Arguments> hostileArguments() {
        return Stream.of(
                Arguments.of("a 100,000-character tag filter", "query($f: CatalogueFilter) { catalogue(filter: $f) "
                        + "{ totalCount } }", Map.of("f", Map.of("tags", new String[] {"t".repeat(100_000)})),
                             "filter.tags"),
                Arguments.of("a thousand tags in the filter", "query($f: CatalogueFilter) { catalogue(filter: $f) "
                        + "{ totalCount } }", Map.of("f", Map.of("tags", repeated("tag", 1_000))), "filter.tags"),
                Arguments.of("a 10,000-character program id", "query($id: ID!) { miniProgram(id: $id) { id } }",
                             Map.of("id", LONG_ID), "id"),
                Arguments.of("a program id with a NUL", "query($id: ID!) { miniProgram(id: $id) { id } }",
                             Map.of("id", "abc\u0000def"), "id"),
                Arguments.of("a 10,000-character id as of a date", "query($id: ID!) { miniProgramAsOf(id: $id, "
                        + "at: \"2026-01-01T00:00:00Z\") { id } }", Map.of("id", LONG_ID), "id"),
                Arguments.of("a 10,000-character history id", "query($id: ID!) { history(miniProgramId: $id) "
                        + "{ pageInfo { hasNextPage } } }", Map.of("id", LONG_ID), "miniProgramId"),
                Arguments.of("a 100,000-character suggest prefix", "query($p: String!) { suggest(prefix: $p) }",
                             Map.of("p", "m".repeat(100_000)), "prefix"),
                Arguments.of("a 10,000-character version id", "mutation($id: ID!) { approveVersion(versionId: $id) "
                        + "{ id } }", Map.of("id", LONG_ID), "versionId"),
                Arguments.of("a 10,000-character rollback target", "mutation($id: ID!) { rollbackRelease("
                        + "miniProgramId: \"p1\", toVersionId: $id) { id } }", Map.of("id", LONG_ID), "toVersionId"),
                Arguments.of("a 10,000-character id to install", "mutation($id: ID!) { installMiniProgram(id: $id) "
                        + "{ id } }", Map.of("id", LONG_ID), "id"),
                Arguments.of("a 10,000-character rating id", "mutation($id: ID!) { hideRating(ratingId: $id) "
                        + "{ id } }", Map.of("id", "rating:" + LONG_ID), "ratingId"),
                Arguments.of("a 10,000-character id in an input", "mutation($id: ID!) { rateMiniProgram(input: "
                        + "{miniProgramId: $id, stars: 5}) { id } }", Map.of("id", LONG_ID),
                             "input.miniProgramId"),
                Arguments.of("a 100,000-character reply", "mutation($t: String!) { replyToRating(ratingId: "
                        + "\"rating:p1:u1\", text: $t) { id } }", Map.of("t", "r".repeat(100_000)), "text"),
                Arguments.of("a 100,000-character processing group", "query($g: String) { deadLetters("
                        + "processingGroup: $g) { sequence } }", Map.of("g", "g".repeat(100_000)),
                             "processingGroup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArguments")
    void aHostileArgumentIsABadRequestNamingItAndLogsNoError(String kind, String document,
                                                             Map<String, Object> variables, String field,
                                                             CapturedOutput output) {
        Map<String, Object> error = firstError(document, variables);

        assertThat(error.get("extensions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("classification", "BAD_REQUEST").containsEntry("code", "INVALID_INPUT")
                .containsEntry("field", field);
        assertThat((String) error.get("message")).hasSizeLessThan(500);
        assertNoErrorLogged(output);
    }

    static Stream<Arguments> forgedCursors() {
        return Stream.of(
                Arguments.of("catalogue", "{ catalogue(after: \"%s\") { totalCount } }"),
                Arguments.of("history", "{ history(miniProgramId: \"p1\", after: \"%s\") { pageInfo "
                        + "{ hasNextPage } } }"),
                Arguments.of("my programs", "{ myMiniPrograms(after: \"%s\") { totalCount } }"),
                Arguments.of("my installed programs", "{ myInstalledPrograms(after: \"%s\") { totalCount } }"),
                Arguments.of("review queue", "{ reviewQueue(after: \"%s\") { totalCount } }"),
                Arguments.of("flagged ratings", "{ flaggedRatings(after: \"%s\") { totalCount } }"));
    }

    /** Cursors may say why in their own code; whatever it is, a forged one is the client's fault. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedCursors")
    void aForgedOrGarbledCursorIsABadRequestAndLogsNoError(String kind, String document, CapturedOutput output) {
        for (String cursor : new String[] {"eyJzb3J0IjpbIjEiXSwiaWQiOiJ4In0", "WzEsMiwzXQ", "%%%", "!".repeat(5_000),
                "AAAA", "e30"}) {
            Map<String, Object> error = firstError(document.formatted(cursor), Map.of());

            assertThat(error.get("extensions")).as(cursor)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("classification", "BAD_REQUEST");
        }
        assertNoErrorLogged(output);
    }

    private Map<String, Object> firstError(String document, Map<String, Object> variables) {
        Map<String, Object> answer = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.forUser("intruder", Role.values()))
                .bodyValue(Map.of("query", document, "variables", variables)).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        assertThat(answer).containsKey("errors");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = ((java.util.List<Map<String, Object>>) answer.get("errors")).get(0);
        return error;
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(Arrays.stream(output.getAll().split("\n")).filter(line -> line.contains(" ERROR ")))
                .isEmpty();
    }

    private static String[] repeated(String value, int times) {
        String[] values = new String[times];
        Arrays.fill(values, value);
        return values;
    }
}
