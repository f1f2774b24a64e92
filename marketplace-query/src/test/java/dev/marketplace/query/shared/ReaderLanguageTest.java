package dev.marketplace.query.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import graphql.GraphQLContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which language a reader gets listings in: the locale argument, else Accept-Language, else none. */
class ReaderLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "zh-CN,zh;q=0.9,en;q=0.8|zh",
            "fr-FR,en;q=0.5,zh;q=0.4|en",
            "en-GB|en",
            "zh-Hant-TW|zh",
            "de-DE,fr;q=0.9|none",
            "*|none",
            ";;;q=|none"})
    void theFirstListingLanguageTheHeaderPrefersIsChosen(String header, String expected) {
        assertThat(ReaderLanguage.fromHeader(header)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void anArgumentWinsOverTheHeaderAndMustBeAListingLanguage() {
        GraphQLContext chinese = GraphQLContext.newContext().of(ReaderLanguage.class.getName(), "zh").build();
        assertThat(ReaderLanguage.resolve("en", chinese)).isEqualTo("en");
        assertThat(ReaderLanguage.resolve(null, chinese)).isEqualTo("zh");
        assertThat(ReaderLanguage.resolve(null, GraphQLContext.getDefault())).isNull();
        assertThatThrownBy(() -> ReaderLanguage.resolve("fr", chinese)).isInstanceOfSatisfying(RuleViolation.class,
                v -> {
                    assertThat(v.code()).isEqualTo(RuleCode.INVALID_INPUT);
                    assertThat(v.field()).isEqualTo("locale");
                });
    }
}
