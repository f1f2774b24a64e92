package dev.marketplace.app.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.RawGraphQl;
import dev.marketplace.app.support.Tokens;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Names that look alike are the same name, over HTTP. A name mixing Latin and Cyrillic letters is bad input; an
 * all-Cyrillic name that reads as a taken Latin one is taken. Hidden code points and names too long once
 * normalised are bad input naming the field, never a database error or an ERROR log line. Names and texts are
 * sent as JSON escapes, so that a lone surrogate reaches the server as it would from a hostile client.
 */
@MarketplaceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LookAlikeNameTest {

    @Autowired
    RawGraphQl graphQl;
    String token;

    @BeforeEach
    void signIn() {
        token = Tokens.forUser("dev-lookalike", Role.DEVELOPER);
    }

    @Test
    void aLatinNameWithACyrillicLetterInIsInvalidInput() {
        registers("Walmart");

        refused("W\\u0430lmart", "INVALID_INPUT", "Latin and Cyrillic");
    }

    @Test
    void anAllCyrillicNameThatReadsAsATakenLatinNameIsTaken() {
        registers("Oce");

        refused("\\u041E\\u0441\\u0435", "NAME_TAKEN", "already taken");
        refused("0CE", "NAME_TAKEN", "already taken");
    }

    @Test
    void latinBesideHanIsAName() {
        registers("\\u9EA6\\u5F53\\u52B3 McDonald's");
        registers("KFC \\u80AF\\u5FB7\\u57FA");
    }

    static Stream<Arguments> hiddenOrTooLong() {
        return Stream.of(Arguments.of("Hangul filler", "Coffee\\u3164Shop", "U+3164"),
                         Arguments.of("only Hangul fillers", "\\u3164\\u3164\\u3164", "U+3164"),
                         Arguments.of("Braille blank", "Coffee\\u2800Shop", "U+2800"),
                         Arguments.of("combining grapheme joiner", "Coffee\\u034FShop", "U+034F"),
                         Arguments.of("lone surrogate", "Coffee \\ud800 Shop", "U+D800"),
                         Arguments.of("12 \\uFDFA, 216 characters in NFKC", "\\ufdfa".repeat(12), "once normalised"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenOrTooLong")
    void aHiddenCodePointOrANameTooLongOnceNormalisedIsAFieldError(String kind, String name, String named,
                                                                    CapturedOutput output) {
        long events = graphQl.events();

        refused(name, "INVALID_INPUT", named);

        assertThat(graphQl.events()).isEqualTo(events);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    private void registers(String escapedName) {
        send(escapedName).jsonPath("$.errors").doesNotExist()
                         .jsonPath("$.data.registerMiniProgram.id").isNotEmpty();
    }

    private void refused(String escapedName, String code, String messagePart) {
        send(escapedName).jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                         .jsonPath("$.errors[0].extensions.code").isEqualTo(code)
                         .jsonPath("$.errors[0].extensions.field").isEqualTo("name")
                         .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(messagePart))
                         .jsonPath("$.data.registerMiniProgram").doesNotExist();
    }

    private WebTestClient.BodyContentSpec send(String escapedName) {
        String variables = "{\"input\": {\"name\": \"" + escapedName + "\", \"summary\": \"s\", "
                           + "\"category\": \"TOOLS\"}}";
        return graphQl.post(token, RawGraphQl.json(RawGraphQl.REGISTER, variables)).expectStatus().isOk()
                      .expectBody();
    }
}
