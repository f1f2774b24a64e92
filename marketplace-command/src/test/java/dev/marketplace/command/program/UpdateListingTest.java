package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.DESCRIPTION;
import static dev.marketplace.command.program.ProgramFixture.ICON;
import static dev.marketplace.command.program.ProgramFixture.NAME;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.SUMMARY;
import static dev.marketplace.command.program.ProgramFixture.TAGS;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.delisted;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.refusedAsInvalid;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.UpdateListingCommand;
import dev.marketplace.api.rules.RuleCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateListingTest {

    private static final String NEW_ICON = "https://cdn.example.com/icons/coffee-v2.png";

    // The name table holds this program's own name too, as the real one does once the registration is stored.
    private final AggregateTestFixture<MiniProgram> fixture = newFixture(NAME, "Tea House");

    @Test
    void theOwnerCanEditEveryField() {
        Instant registeredAt = fixture.currentTime();
        fixture.given(registered())
               .when(new UpdateListingCommand(PROGRAM_ID, " Coffee Corner ", "Coffee to go", "Now with oat milk.",
                                              Category.LIFESTYLE, List.of("coffee", "oat milk"), NEW_ICON),
                     by(OWNER))
               .expectEvents(new ListingUpdatedEvent(PROGRAM_ID, "Coffee Corner", "Coffee to go", "Now with oat milk.",
                                                     Category.LIFESTYLE, List.of("coffee", "oat milk"), NEW_ICON))
               .expectResultMessagePayloadMatching(satisfies(MiniProgramView.class, view -> {
                   assertThat(view.name()).isEqualTo("Coffee Corner");
                   assertThat(view.summary()).isEqualTo("Coffee to go");
                   assertThat(view.description()).isEqualTo("Now with oat milk.");
                   assertThat(view.category()).isEqualTo(Category.LIFESTYLE);
                   assertThat(view.tags()).containsExactly("coffee", "oat milk");
                   assertThat(view.iconUrl()).isEqualTo(NEW_ICON);
                   assertThat(view.developerId()).isEqualTo(OWNER.userId());
                   assertThat(view.createdAt()).isEqualTo(registeredAt);
                   assertThat(view.updatedAt()).isEqualTo(fixture.currentTime());
               }));
    }

    @Test
    void anAdminMayEditSomeoneElsesListing() {
        fixture.given(registered())
               .when(edit(null, "Coffee to go", null), by(ADMIN))
               .expectEvents(listing(NAME, "Coffee to go", DESCRIPTION));
    }

    @Test
    void aPartialEditKeepsEveryFieldItLeavesOut() {
        fixture.given(registered())
               .when(edit(null, "Coffee to go", null), by(OWNER))
               .expectEvents(listing(NAME, "Coffee to go", DESCRIPTION))
               .expectResultMessagePayloadMatching(satisfies(MiniProgramView.class, view -> {
                   assertThat(view.name()).isEqualTo(NAME);
                   assertThat(view.summary()).isEqualTo("Coffee to go");
                   assertThat(view.tags()).isEqualTo(TAGS);
                   assertThat(view.iconUrl()).isEqualTo(ICON);
               }));
    }

    @Test
    void emptyOptionalFieldsClearThem() {
        fixture.given(registered())
               .when(new UpdateListingCommand(PROGRAM_ID, null, null, " ", null, List.of(), ""), by(OWNER))
               .expectEvents(new ListingUpdatedEvent(PROGRAM_ID, NAME, SUMMARY, null, Category.FOOD_AND_DRINK,
                                                     List.of(), null));
    }

    @Test
    void anEditThatChangesNothingCausesNoEventButSucceeds() {
        fixture.given(registered())
               .andGivenCurrentTime(fixture.currentTime().plus(Duration.ofHours(1)))
               .when(new UpdateListingCommand(PROGRAM_ID, "  " + NAME + " ", SUMMARY, null, null, TAGS, ICON),
                     by(OWNER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayloadMatching(satisfies(MiniProgramView.class, view -> {
                   assertThat(view.name()).isEqualTo(NAME);
                   assertThat(view.updatedAt()).isEqualTo(view.createdAt());
               }));
    }

    @Test
    void anEmptyEditCausesNoEventButSucceeds() {
        fixture.given(registered())
               .when(edit(null, null, null), by(OWNER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayloadMatching(satisfies(MiniProgramView.class,
                                                             view -> assertThat(view.name()).isEqualTo(NAME)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tea House", "  tea   HOUSE ", "Tea H0use", "TEA H0USE"})
    void cannotRenameToANameThatIsTaken(String name) {
        refused(fixture.given(registered())
                       .when(edit(name, null, null), by(OWNER)),
                violates(RuleCode.NAME_TAKEN, "name").saying(containsString("is already taken")));
    }

    // Its own name is in the name table; a spelling that normalises to it is no claim on another program's name.
    @ParameterizedTest
    @ValueSource(strings = {"coffee shop", "COFFEE SHOP", "Coffee   Shop", "\uFF23offee Shop", "C0ffee Sh0p"})
    void canRespellItsOwnNameWithoutTheNameCheck(String name) {
        fixture.given(registered())
               .when(edit(name, null, null), by(OWNER))
               .expectEvents(listing(name, SUMMARY, DESCRIPTION));
    }

    @Test
    void cannotEditSomeoneElsesListing() {
        refused(fixture.given(registered())
                       .when(edit("Coffee Corner", null, null), by(OTHER_DEVELOPER)),
                violates(RuleCode.NOT_OWNER).saying(containsString("owns this mini-program")));
    }

    @Test
    void cannotEditWithoutTheDeveloperRole() {
        refused(fixture.given(registered())
                       .when(edit("Coffee Corner", null, null), by(REVIEWER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("DEVELOPER")));
    }

    @Test
    void cannotEditADelistedListing() {
        refused(fixture.given(registered(), delisted())
                       .when(edit("Coffee Corner", null, null), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot edit the listing: the program is DELISTED."));
    }

    static Stream<Arguments> invalidEdits() {
        return Stream.of(
                arguments("name", edit("A", null, null)),
                arguments("name", edit("   ", null, null)),
                arguments("name", edit("x".repeat(51), null, null)),
                arguments("name", edit("Coffee\u200BShop", null, null)),
                arguments("name", edit("Coffee\u3164Shop", null, null)),
                arguments("name", edit("Coffee\u2800Shop", null, null)),
                arguments("name", edit("Coffee\u034FShop", null, null)),
                arguments("name", edit("Coffee\uD83DShop", null, null)),
                arguments("name", edit("C\u043Effee Shop", null, null)),
                arguments("name", edit("\uFDFA".repeat(12), null, null)),
                arguments("summary", edit(null, "Order\u3164ahead", null)),
                arguments("description", edit(null, null, "Pick\u034Fa drink")),
                arguments("summary", edit(null, " ", null)),
                arguments("summary", edit(null, "s".repeat(141), null)),
                arguments("description", edit(null, null, "d".repeat(4001))),
                arguments("tags", new UpdateListingCommand(PROGRAM_ID, null, null, null, null,
                                                           List.of("Coffee", "coffee"), null)),
                arguments("iconUrl", new UpdateListingCommand(PROGRAM_ID, null, null, null, null, null,
                                                              "http://cdn.example.com/i.png")));
    }

    @ParameterizedTest(name = "{index}: {0} in {1}")
    @MethodSource("invalidEdits")
    void cannotEditToAnInvalidListing(String field, UpdateListingCommand command) {
        refusedAsInvalid(fixture, command, field);
    }

    private static UpdateListingCommand edit(String name, String summary, String description) {
        return new UpdateListingCommand(PROGRAM_ID, name, summary, description, null, null, null);
    }

    private static ListingUpdatedEvent listing(String name, String summary, String description) {
        return new ListingUpdatedEvent(PROGRAM_ID, name, summary, description, Category.FOOD_AND_DRINK, TAGS, ICON);
    }
}
