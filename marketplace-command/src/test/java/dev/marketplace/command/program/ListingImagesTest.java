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
import static dev.marketplace.command.program.ProgramFixture.registered;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingImage;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.program.UpdateListingCommand;
import dev.marketplace.api.rules.RuleCode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A listing names uploaded images: an icon square and 144 to 1024 px, at most six distinct screenshots. */
class ListingImagesTest {

    private static final ListingImage ICON_256 = image("a", 256, 256);
    private static final ListingImage WIDE = image("b", 400, 200);
    private static final ListingImage TINY = image("c", 64, 64);
    private static final ListingImage SHOT = image("d", 720, 1280);

    private final AggregateTestFixture<MiniProgram> fixture = new AggregateTestFixture<>(MiniProgram.class);

    private static ListingImage image(String hex, int width, int height) {
        return new ListingImage(hex.repeat(64), "image/png", width, height);
    }

    @BeforeEach
    void uploads() {
        Map<String, ListingImage> stored = Map.of(ICON_256.digest(), ICON_256, WIDE.digest(), WIDE,
                                                  TINY.digest(), TINY, SHOT.digest(), SHOT);
        fixture.registerInjectableResource((ProgramNames) name -> false);
        fixture.registerInjectableResource((MediaLibrary) digest -> Optional.ofNullable(stored.get(digest)));
        fixture.registerInjectableResource(ProgramFixture.POLICY);
    }

    private static RegisterMiniProgramCommand register(String icon, List<String> screenshots) {
        return new RegisterMiniProgramCommand(PROGRAM_ID, NAME, SUMMARY, DESCRIPTION, Category.FOOD_AND_DRINK, TAGS,
                                              ICON, null, null, icon, screenshots);
    }

    @Test
    void theEventCarriesEachImageWithItsSize() {
        fixture.givenNoPriorActivity()
               .when(register(ICON_256.digest(), List.of(SHOT.digest(), WIDE.digest())), by(OWNER))
               .expectEvents(new MiniProgramRegisteredEvent(PROGRAM_ID, OWNER.userId(), NAME, SUMMARY, DESCRIPTION,
                                                            Category.FOOD_AND_DRINK, TAGS, ICON, "en", List.of(),
                                                            ICON_256, List.of(SHOT, WIDE)));
    }

    @Test
    void anIconMustBeSquareAndLargeEnough() {
        refused(fixture.givenNoPriorActivity().when(register(WIDE.digest(), null), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "iconDigest"));
        refused(fixture.givenNoPriorActivity().when(register(TINY.digest(), null), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "iconDigest"));
    }

    @Test
    void onlyUploadedImagesAtMostSixAndEachOnce() {
        refused(fixture.givenNoPriorActivity().when(register("e".repeat(64), null), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "iconDigest"));
        refused(fixture.givenNoPriorActivity().when(register(null, List.of("not-a-digest")), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "screenshotDigests"));
        refused(fixture.givenNoPriorActivity().when(register(null, List.of(SHOT.digest(), SHOT.digest())),
                                                    by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "screenshotDigests"));
        refused(fixture.givenNoPriorActivity().when(register(null, Collections.nCopies(7, SHOT.digest())), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "screenshotDigests"));
    }

    @Test
    void screenshotsAreReorderedAndTheIconKeptByAnUpdate() {
        MiniProgramRegisteredEvent pictured = new MiniProgramRegisteredEvent(
                PROGRAM_ID, OWNER.userId(), NAME, SUMMARY, DESCRIPTION, Category.FOOD_AND_DRINK, TAGS, ICON, "en",
                List.of(), ICON_256, List.of(SHOT, WIDE));
        fixture.given(pictured)
               .when(new UpdateListingCommand(PROGRAM_ID, null, null, null, null, null, null, null, null, null,
                                              List.of(WIDE.digest(), SHOT.digest())), by(OWNER))
               .expectEvents(new ListingUpdatedEvent(PROGRAM_ID, NAME, SUMMARY, DESCRIPTION, Category.FOOD_AND_DRINK,
                                                     TAGS, ICON, "en", List.of(), ICON_256, List.of(WIDE, SHOT)));
        fixture.given(registered())
               .when(new UpdateListingCommand(PROGRAM_ID, null, null, null, null, null, null), by(OWNER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
