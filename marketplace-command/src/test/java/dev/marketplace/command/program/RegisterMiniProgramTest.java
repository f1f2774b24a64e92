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
