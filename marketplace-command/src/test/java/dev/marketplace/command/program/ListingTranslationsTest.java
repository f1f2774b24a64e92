package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.DESCRIPTION;
import static dev.marketplace.command.program.ProgramFixture.ICON;
import static dev.marketplace.command.program.ProgramFixture.NAME;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.SUMMARY;
import static dev.marketplace.command.program.ProgramFixture.TAGS;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingTranslation;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.program.UpdateListingCommand;
import dev.marketplace.api.rules.RuleCode;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Listings in a default language with translations: each checked as the default text, every name unique. */
class ListingTranslationsTest {

    private static final ListingTranslation CHINESE = new ListingTranslation("zh", "咖啡店", "提前点咖啡，免排队", null);

    private final AggregateTestFixture<MiniProgram> fixture = newFixture("Tea House", "茶馆");

    private static RegisterMiniProgramCommand register(String defaultLocale, List<ListingTranslation> translations) {
        return new RegisterMiniProgramCommand(PROGRAM_ID, NAME, SUMMARY, DESCRIPTION, Category.FOOD_AND_DRINK, TAGS,
                                              ICON, defaultLocale, translations);
    }

    @Test
    void anEnglishListingIsRegisteredWithItsChineseTranslation() {
        fixture.givenNoPriorActivity()
               .when(register(null, List.of(new ListingTranslation("zh", " 咖啡店 ", "提前点咖啡，免排队", null))),
                     by(OWNER))
               .expectEvents(new MiniProgramRegisteredEvent(PROGRAM_ID, OWNER.userId(), NAME, SUMMARY, DESCRIPTION,
                                                            Category.FOOD_AND_DRINK, TAGS, ICON, "en",
                                                            List.of(CHINESE)));
    }

    static Stream<Arguments> badTranslations() {
        return Stream.of(
                Arguments.of("fr", List.of(CHINESE), "defaultLocale"),
                Arguments.of("en", List.of(new ListingTranslation("de", "Kaffee", "Kaffee", null)),
                             "translations.locale"),
                Arguments.of("zh", List.of(CHINESE), "translations.locale"),
                Arguments.of("en", List.of(CHINESE, CHINESE), "translations.locale"),
                Arguments.of("en", List.of(new ListingTranslation("zh", "咖", "提前点咖啡", null)),
                             "translations.zh.name"),
                Arguments.of("en", List.of(new ListingTranslation("zh", "咖啡店", " ", null)),
                             "translations.zh.summary"),
                Arguments.of("en", List.of(new ListingTranslation("zh", "咖啡店", "提前点咖啡", "x".repeat(4001))),
                             "translations.zh.description"),
                Arguments.of("en", List.of(new ListingTranslation("zh", "Pаypal 咖啡", "提前点咖啡", null)),
                             "translations.zh.name"));
    }

    @ParameterizedTest
    @MethodSource("badTranslations")
    void aTranslationIsCheckedAsTheDefaultTextIs(String defaultLocale, List<ListingTranslation> translations,
                                                 String field) {
        refused(fixture.givenNoPriorActivity().when(register(defaultLocale, translations), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, field));
    }

    @Test
    void aTranslatedNameMustNotBeAnotherProgramsName() {
        refused(fixture.givenNoPriorActivity()
                       .when(register("en", List.of(new ListingTranslation("zh", "茶馆", "喝茶", null))), by(OWNER)),
                violates(RuleCode.NAME_TAKEN, "translations.zh.name"));
    }

    @Test
    void aDefaultNameMustNotBeAnotherProgramsTranslatedName() {
        AggregateTestFixture<MiniProgram> named = newFixture("咖啡店");
        refused(named.givenNoPriorActivity().when(new RegisterMiniProgramCommand(
                PROGRAM_ID, "咖啡店", SUMMARY, null, Category.FOOD_AND_DRINK, TAGS, null, "zh", null), by(OWNER)),
                violates(RuleCode.NAME_TAKEN, "name"));
    }

    @Test
    void translationsAreReplacedOrKeptByAnUpdate() {
        fixture.given(registered())
               .when(new UpdateListingCommand(PROGRAM_ID, null, null, null, null, null, null, null, List.of(CHINESE)),
                     by(OWNER))
               .expectEvents(new ListingUpdatedEvent(PROGRAM_ID, NAME, SUMMARY, DESCRIPTION, Category.FOOD_AND_DRINK,
                                                     TAGS, ICON, "en", List.of(CHINESE)));
        fixture.given(registered(), new ListingUpdatedEvent(PROGRAM_ID, NAME, SUMMARY, DESCRIPTION,
                                                            Category.FOOD_AND_DRINK, TAGS, ICON, "en",
                                                            List.of(CHINESE)))
               .when(new UpdateListingCommand(PROGRAM_ID, null, "Coffee to go", null, null, null, null), by(OWNER))
               .expectEvents(new ListingUpdatedEvent(PROGRAM_ID, NAME, "Coffee to go", DESCRIPTION,
                                                     Category.FOOD_AND_DRINK, TAGS, ICON, "en", List.of(CHINESE)));
    }
}
