package dev.marketplace.command.rating;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.rating.RatingFixture.AUTHOR;
import static dev.marketplace.command.rating.RatingFixture.LATER;
import static dev.marketplace.command.rating.RatingFixture.NOTHING_INSTALLED;
import static dev.marketplace.command.rating.RatingFixture.OTHER_USER;
import static dev.marketplace.command.rating.RatingFixture.PROGRAM_ID;
import static dev.marketplace.command.rating.RatingFixture.PROGRAM_KNOWN;
import static dev.marketplace.command.rating.RatingFixture.RATED_AT;
import static dev.marketplace.command.rating.RatingFixture.RATING_ID;
import static dev.marketplace.command.rating.RatingFixture.TEXT;
import static dev.marketplace.command.rating.RatingFixture.by;
import static dev.marketplace.command.rating.RatingFixture.flagged;
import static dev.marketplace.command.rating.RatingFixture.hidden;
import static dev.marketplace.command.rating.RatingFixture.newFixture;
import static dev.marketplace.command.rating.RatingFixture.rate;
import static dev.marketplace.command.rating.RatingFixture.rated;
import static dev.marketplace.command.rating.RatingFixture.ratedView;
import static dev.marketplace.command.rating.RatingFixture.replied;
import static dev.marketplace.command.rating.RatingFixture.view;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.rating.FlagReason;
import dev.marketplace.api.rating.RateMiniProgramCommand;
import dev.marketplace.api.rating.RatingEditedEvent;
import dev.marketplace.api.rules.RuleCode;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateMiniProgramTest {

    private final AggregateTestFixture<Rating> fixture = newFixture();

    @Test
    void canRateAnInstalledProgram() {
        fixture.givenCurrentTime(RATED_AT)
               .when(rate(4, TEXT), by(AUTHOR))
               .expectEvents(rated())
               .expectResultMessagePayload(ratedView(null, false, 0, RATED_AT));
    }

    @Test
    void canRateWithStarsAlone() {
        fixture.givenCurrentTime(RATED_AT)
               .when(rate(5, "  "), by(AUTHOR))
               .expectEvents(rated(5, null))
               .expectResultMessagePayload(view(5, null, null, false, 0, RATED_AT, RATED_AT));
    }

    @Test
    void storesTheTextTrimmed() {
        fixture.givenCurrentTime(RATED_AT)
               .when(rate(4, "\n  " + TEXT + " \t"), by(AUTHOR))
               .expectEvents(rated())
               .expectResultMessagePayload(ratedView(null, false, 0, RATED_AT));
    }

    @Test
    void keepsLineBreaksAndJoinedEmoji() {
        String text = "Family favourite \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\nFast checkout.";
        fixture.givenCurrentTime(RATED_AT)
               .when(rate(5, text), by(AUTHOR))
               .expectEvents(rated(5, text))
               .expectResultMessagePayload(view(5, text, null, false, 0, RATED_AT, RATED_AT));
    }

    // Joiners and variation selectors are hidden too, but emoji sequences and scripts such as Persian need them.
    @Test
    void keepsTheJoinersAndVariationSelectorsThatProseNeeds() {
        String text = "\u2764\uFE0F \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        fixture.givenCurrentTime(RATED_AT)
               .when(rate(5, text), by(AUTHOR))
               .expectEvents(rated(5, text))
               .expectResultMessagePayload(view(5, text, null, false, 0, RATED_AT, RATED_AT));
    }

    @Test
    void acceptsTextOfTheMaximumLength() {
        String text = "\u597D".repeat(2000);
        fixture.givenCurrentTime(RATED_AT)
               .when(rate(3, text), by(AUTHOR))
               .expectEvents(rated(3, text))
               .expectResultMessagePayload(view(3, text, null, false, 0, RATED_AT, RATED_AT));
    }

    @Test
    void ratingAgainEditsTheRatingAndKeepsItsReplyAndFlags() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), replied("Thanks!"), flagged(OTHER_USER, FlagReason.SPAM, 1))
               .andGivenCurrentTime(LATER)
               .when(rate(2, "Slower since the update."), by(AUTHOR))
               .expectEvents(new RatingEditedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 2, 4,
                                                   "Slower since the update.", false))
               .expectResultMessagePayload(view(2, "Slower since the update.", "Thanks!", false, 1, RATED_AT,
                                                LATER));
    }

    @Test
    void canRemoveTheTextByRatingAgainWithout() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .andGivenCurrentTime(LATER)
               .when(rate(4, null), by(AUTHOR))
               .expectEvents(new RatingEditedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 4, 4, null, false))
               .expectResultMessagePayload(view(4, null, null, false, 0, RATED_AT, LATER));
    }

    @Test
    void aHiddenRatingStaysHiddenWhenItsAuthorEditsIt() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), hidden())
               .andGivenCurrentTime(LATER)
               .when(rate(5, TEXT), by(AUTHOR))
               .expectEvents(new RatingEditedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 5, 4, TEXT, true))
               .expectResultMessagePayload(view(5, TEXT, null, true, 0, RATED_AT, LATER));
    }

    @Test
    void ratingAgainWithTheSameStarsAndTextStoresNothing() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .andGivenCurrentTime(LATER)
               .when(rate(4, " " + TEXT + " "), by(AUTHOR))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(ratedView(null, false, 0, RATED_AT));
    }

    @Test
    void cannotRateWhenNotSignedIn() {
        fixture.givenNoPriorActivity()
               .when(rate(4, TEXT))
               .expectNoEvents()
               .expectException(violates(RuleCode.UNAUTHENTICATED))
               .expectExceptionMessage("Sign in to do this.");
    }

    @Test
    void cannotRateAProgramThatIsNotInstalled() {
        newFixture(NOTHING_INSTALLED, PROGRAM_KNOWN)
                .givenNoPriorActivity()
                .when(rate(4, TEXT), by(AUTHOR))
                .expectNoEvents()
                .expectException(violates(RuleCode.NOT_INSTALLED))
                .expectExceptionMessage("Install mini-program " + PROGRAM_ID + " before rating it.");
    }

    @Test
    void cannotEditARatingAfterUninstalling() {
        newFixture(NOTHING_INSTALLED, PROGRAM_KNOWN)
                .given(rated())
                .when(rate(1, TEXT), by(AUTHOR))
                .expectNoEvents()
                .expectException(violates(RuleCode.NOT_INSTALLED))
                .expectExceptionMessage("Install mini-program " + PROGRAM_ID + " before rating it.");
    }

    @Test
    void cannotRateAsSomeoneElse() {
        refused(fixture.given(rated())
                       .when(rate(1, "Terrible"), by(OTHER_USER)),
                violates(RuleCode.NOT_OWNER).saying("You can only rate mini-programs as yourself."));
    }

    @Test
    void cannotRateWithoutAProgramId() {
        fixture.givenNoPriorActivity()
               .when(new RateMiniProgramCommand(RATING_ID, null, 4, TEXT), by(AUTHOR))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "programId"))
               .expectExceptionMessage("programId: 'null' is not a mini-program id");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void cannotRateWithStarsOutsideOneToFive(int stars) {
        fixture.givenNoPriorActivity()
               .when(rate(stars, TEXT), by(AUTHOR))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "stars"))
               .expectExceptionMessage("stars: must be 1 to 5, not " + stars);
    }

    static Stream<Arguments> invalidTexts() {
        return Stream.of(arguments("t".repeat(2001), "text: must be 1 to 2000 characters, not 2001"),
                         arguments("Great\u0000app",
                                   "text: contains control or invisible characters (U+0000 <control-0000>)"),
                         arguments("Great \u202Eppa",
                                   "text: contains control or invisible characters (U+202E RIGHT-TO-LEFT OVERRIDE)"),
                         arguments("Great \uE000",
                                   "text: contains control or invisible characters (U+E000 <private use area-E000>)"),
                         arguments("Great\u3164app",
                                   "text: contains control or invisible characters (U+3164 HANGUL FILLER)"),
                         arguments("Great\u2800app",
                                   "text: contains control or invisible characters (U+2800 BRAILLE PATTERN BLANK)"),
                         arguments("Great\u034Fapp",
                                   "text: contains control or invisible characters (U+034F COMBINING GRAPHEME JOINER)"),
                         arguments("Great app \uD83D",
                                   "text: contains control or invisible characters (U+D83D <lead surrogate-D83D>)"),
                         arguments("\uFDFA".repeat(112),
                                   "text: must be 1 to 2000 characters, not 2016 once normalised (NFKC)"));
    }

    @ParameterizedTest
    @MethodSource("invalidTexts")
    void cannotRateWithInvalidText(String text, String message) {
        fixture.givenNoPriorActivity()
               .when(rate(4, text), by(AUTHOR))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "text"))
               .expectExceptionMessage(message);
    }

    @Test
    void checksTheInputBeforeTheInstallation() {
        newFixture(NOTHING_INSTALLED, PROGRAM_KNOWN)
                .givenNoPriorActivity()
                .when(rate(9, TEXT), by(AUTHOR))
                .expectNoEvents()
                .expectException(violates(RuleCode.INVALID_INPUT, "stars"))
                .expectExceptionMessage(startsWith("stars: "));
    }
}
