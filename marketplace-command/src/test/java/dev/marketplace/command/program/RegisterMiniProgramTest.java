package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.DESCRIPTION;
import static dev.marketplace.command.program.ProgramFixture.ICON;
import static dev.marketplace.command.program.ProgramFixture.NAME;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PLAIN_USER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.SUMMARY;
import static dev.marketplace.command.program.ProgramFixture.TAGS;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.register;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterMiniProgramTest {

    private final AggregateTestFixture<MiniProgram> fixture = newFixture("Tea House");

    @Test
    void canRegisterAProgram() {
        fixture.givenNoPriorActivity()
               .when(register(NAME), by(OWNER))
               .expectEvents(registered())
               .expectResultMessagePayloadMatching(satisfies(MiniProgramView.class, view -> {
                   assertThat(view.id()).isEqualTo(PROGRAM_ID);
                   assertThat(view.developerId()).isEqualTo(OWNER.userId());
                   assertThat(view.name()).isEqualTo(NAME);
                   assertThat(view.tags()).isEqualTo(TAGS);
                   assertThat(view.status()).isEqualTo(ProgramStatus.DRAFT);
                   assertThat(view.currentVersion()).isNull();
                   assertThat(view.versions()).isEmpty();
                   assertThat(view.createdAt()).isEqualTo(fixture.currentTime());
               }));
    }

    @Test
    void canRegisterAProgramWithOnlyTheRequiredFields() {
        fixture.givenNoPriorActivity()
               .when(new RegisterMiniProgramCommand(PROGRAM_ID, NAME, SUMMARY, "  ", Category.TOOLS, null, ""),
                     by(OWNER))
               .expectEvents(new MiniProgramRegisteredEvent(PROGRAM_ID, OWNER.userId(), NAME, SUMMARY, null,
                                                            Category.TOOLS, List.of(), null));
    }

    @Test
    void anAdminMayRegisterAProgram() {
        fixture.givenNoPriorActivity()
               .when(register(NAME), by(ADMIN))
               .expectEvents(new MiniProgramRegisteredEvent(PROGRAM_ID, ADMIN.userId(), NAME, SUMMARY, DESCRIPTION,
                                                            Category.FOOD_AND_DRINK, TAGS, ICON));
    }

    @Test
    void storesTheNameTrimmed() {
        fixture.givenNoPriorActivity()
               .when(register("  " + NAME + " \t"), by(OWNER))
               .expectEvents(registered())
               .expectResultMessagePayloadMatching(
                       satisfies(MiniProgramView.class, view -> assertThat(view.name()).isEqualTo(NAME)));
    }

    @Test
    void cannotRegisterWithoutTheDeveloperRole() {
        fixture.givenNoPriorActivity()
               .when(register(NAME), by(PLAIN_USER))
               .expectNoEvents()
               .expectException(violates(RuleCode.ROLE_REQUIRED))
               .expectExceptionMessage(containsString("DEVELOPER"));
    }

    @Test
    void cannotRegisterWhenNotSignedIn() {
        fixture.givenNoPriorActivity()
               .when(register(NAME))
               .expectNoEvents()
               .expectException(violates(RuleCode.UNAUTHENTICATED))
               .expectExceptionMessage("Sign in to do this.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tea House", "  tea   HOUSE ", "\uFF34\uFF45\uFF41 House"})
    void cannotRegisterANameThatIsTaken(String name) {
        fixture.givenNoPriorActivity()
               .when(register(name), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.NAME_TAKEN, "name"))
               .expectExceptionMessage(containsString("is already taken"));
    }

    // Names that look alike are the same name: whole-script look-alikes (Cyrillic "Осе") and digits standing in
    // for letters meet the taken name's confusable skeleton.
    @ParameterizedTest
    @ValueSource(strings = {"\u041E\u0441\u0435", "OCE", "PAYPA1", "Tea H0use", "Tea Hou\uFF53e"})
    void cannotRegisterALookAlikeOfATakenName(String name) {
        newFixture("Oce", "PayPal", "Tea House").givenNoPriorActivity()
               .when(register(name), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.NAME_TAKEN, "name"))
               .expectExceptionMessage(containsString("is already taken"));
    }

    static Stream<Arguments> mixedScriptNames() {
        return Stream.of(arguments("W\u0430lmart", "Latin and Cyrillic"),
                         arguments("G\u03BFogle", "Latin and Greek"),
                         arguments("\u0421offee \u0405hop", "Cyrillic and Latin"));
    }

    // Refused even when no program holds the Latin name yet, and before the name table is asked.
    @ParameterizedTest
    @MethodSource("mixedScriptNames")
    void cannotRegisterANameMixingLookAlikeScripts(String name, String scripts) {
        newFixture("Walmart").givenNoPriorActivity()
               .when(register(name), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "name"))
               .expectExceptionMessage("name: mixes letters of scripts that look alike (" + scripts
                                       + "); write it in one script");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u9EA6\u5F53\u52B3 McDonald's", "KFC \u80AF\u5FB7\u57FA", "\u5FAE\u4FE1123",
            "\u30C9\u30B3\u30E2 docomo", "\uCE74\uCE74\uC624 Kakao", "\u041A\u043E\u0444\u0435 24",
            "Caf\u00E9 \u00C9cole"})
    void canRegisterANameInOneScriptOrLatinBesideHanKanaOrHangul(String name) {
        fixture.givenNoPriorActivity()
               .when(register(name), by(OWNER))
               .expectEvents(new MiniProgramRegisteredEvent(PROGRAM_ID, OWNER.userId(), name, SUMMARY, DESCRIPTION,
                                                            Category.FOOD_AND_DRINK, TAGS, ICON));
    }

    // Each is invisible or changes nothing a reader sees; the summary, description and tags are held to it too.
    static Stream<Arguments> hiddenCharacters() {
        String fillerName = "Coffee\u3164Shop";
        return Stream.of(
                arguments("name", listing(fillerName, SUMMARY, Category.TOOLS, TAGS, ICON), "U+3164 HANGUL FILLER"),
                arguments("name", listing("\u3164\u3164", SUMMARY, Category.TOOLS, TAGS, ICON), "U+3164"),
                arguments("name", listing("Coffee\u2800Shop", SUMMARY, Category.TOOLS, TAGS, ICON),
                          "U+2800 BRAILLE PATTERN BLANK"),
                arguments("name", listing("Coffee\u034FShop", SUMMARY, Category.TOOLS, TAGS, ICON),
                          "U+034F COMBINING GRAPHEME JOINER"),
                arguments("name", listing("Coffee\uD800Shop", SUMMARY, Category.TOOLS, TAGS, ICON),
                          "U+D800"),
                arguments("name", listing("Coffee\uDC00", SUMMARY, Category.TOOLS, TAGS, ICON), "U+DC00"),
                arguments("name", listing("\u2764\uFE0F Coffee", SUMMARY, Category.TOOLS, TAGS, ICON),
                          "U+FE0F"),
                arguments("summary", listing(NAME, "Order\u3164ahead", Category.TOOLS, TAGS, ICON), "U+3164"),
                arguments("tags", listing(NAME, SUMMARY, Category.TOOLS, List.of("cof\u034Ffee"), ICON), "U+034F"),
                arguments("description", new RegisterMiniProgramCommand(PROGRAM_ID, NAME, SUMMARY,
                                                                        "Pick\u2800a drink", Category.TOOLS, TAGS,
                                                                        ICON), "U+2800"),
                arguments("description", new RegisterMiniProgramCommand(PROGRAM_ID, NAME, SUMMARY,
                                                                        "Pick a drink \uDBFF", Category.TOOLS, TAGS,
                                                                        ICON), "U+DBFF"));
    }

    @ParameterizedTest(name = "{index}: {2} in {0}")
    @MethodSource("hiddenCharacters")
    void cannotRegisterWithHiddenCharacters(String field, RegisterMiniProgramCommand command, String named) {
        fixture.givenNoPriorActivity()
               .when(command, by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, field))
               .expectExceptionMessage(startsWith(field + ": contains control or invisible characters (" + named));
    }

    // Twelve U+FDFA are twelve code points as written and 216 in NFKC, the form names are compared in.
    @Test
    void theNameLengthLimitCountsTheNormalisedName() {
        fixture.givenNoPriorActivity()
               .when(register("\uFDFA".repeat(12)), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "name"))
               .expectExceptionMessage("name: must be 2 to 50 characters, not 216 once normalised (NFKC)");
    }

    static Stream<Arguments> invalidListings() {
        List<String> elevenTags = IntStream.rangeClosed(1, 11).mapToObj(i -> "tag" + i).toList();
        return Stream.of(
                arguments("name", listing("A", SUMMARY, Category.TOOLS, TAGS, ICON)),
                arguments("name", listing("x".repeat(51), SUMMARY, Category.TOOLS, TAGS, ICON)),
                arguments("name", listing("   ", SUMMARY, Category.TOOLS, TAGS, ICON)),
                arguments("name", listing(null, SUMMARY, Category.TOOLS, TAGS, ICON)),
                arguments("name", listing("Coffee\u200BShop", SUMMARY, Category.TOOLS, TAGS, ICON)),
                arguments("name", listing("Coffee\nShop", SUMMARY, Category.TOOLS, TAGS, ICON)),
                arguments("summary", listing(NAME, " ", Category.TOOLS, TAGS, ICON)),
                arguments("summary", listing(NAME, "s".repeat(141), Category.TOOLS, TAGS, ICON)),
                arguments("category", listing(NAME, SUMMARY, null, TAGS, ICON)),
                arguments("iconUrl", listing(NAME, SUMMARY, Category.TOOLS, TAGS, "http://cdn.example.com/i.png")),
                arguments("iconUrl", listing(NAME, SUMMARY, Category.TOOLS, TAGS, "not a url")),
                arguments("iconUrl", listing(NAME, SUMMARY, Category.TOOLS, TAGS, "garbage")),
                arguments("iconUrl", listing(NAME, SUMMARY, Category.TOOLS, TAGS, "https://me:pw@example.com/i")),
                arguments("tags", listing(NAME, SUMMARY, Category.TOOLS, elevenTags, ICON)),
                arguments("tags", listing(NAME, SUMMARY, Category.TOOLS, List.of("Coffee", "coffee"), ICON)),
                arguments("tags", listing(NAME, SUMMARY, Category.TOOLS, List.of("#coffee"), ICON)),
                arguments("description", new RegisterMiniProgramCommand(PROGRAM_ID, NAME, SUMMARY, "d".repeat(4001),
                                                                        Category.TOOLS, TAGS, ICON)));
    }

    @ParameterizedTest(name = "{index}: {0} in {1}")
    @MethodSource("invalidListings")
    void cannotRegisterAnInvalidListing(String field, RegisterMiniProgramCommand command) {
        fixture.givenNoPriorActivity()
               .when(command, by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, field))
               .expectExceptionMessage(startsWith(field + ": "));
    }

    @Test
    void checksTheRoleBeforeTheListing() {
        fixture.givenNoPriorActivity()
               .when(listing("A", SUMMARY, Category.TOOLS, TAGS, ICON), by(Actor.of("user-2", Role.REVIEWER)))
               .expectNoEvents()
               .expectException(violates(RuleCode.ROLE_REQUIRED));
    }

    private static RegisterMiniProgramCommand listing(String name, String summary, Category category,
                                                      List<String> tags, String iconUrl) {
        return new RegisterMiniProgramCommand(PROGRAM_ID, name, summary, null, category, tags, iconUrl);
    }
}
