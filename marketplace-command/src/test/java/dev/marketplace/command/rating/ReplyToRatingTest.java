package dev.marketplace.command.rating;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.rating.RatingFixture.ADMIN;
import static dev.marketplace.command.rating.RatingFixture.AUTHOR;
import static dev.marketplace.command.rating.RatingFixture.AUTHOR_INSTALLED;
import static dev.marketplace.command.rating.RatingFixture.DEVELOPER;
import static dev.marketplace.command.rating.RatingFixture.LATER;
import static dev.marketplace.command.rating.RatingFixture.NO_PROGRAMS;
import static dev.marketplace.command.rating.RatingFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.rating.RatingFixture.PROGRAM_ID;
import static dev.marketplace.command.rating.RatingFixture.RATED_AT;
import static dev.marketplace.command.rating.RatingFixture.RATING_ID;
import static dev.marketplace.command.rating.RatingFixture.by;
import static dev.marketplace.command.rating.RatingFixture.hidden;
import static dev.marketplace.command.rating.RatingFixture.newFixture;
import static dev.marketplace.command.rating.RatingFixture.rated;
import static dev.marketplace.command.rating.RatingFixture.ratedView;
import static dev.marketplace.command.rating.RatingFixture.replied;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.ReplyToRatingCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyToRatingTest {

    private static final String REPLY = "Thanks! Menu loading is faster in 1.1.";

    private final AggregateTestFixture<Rating> fixture = newFixture();

    @Test
    void theDeveloperCanReply() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .andGivenCurrentTime(LATER)
               .when(reply("  " + REPLY + "\n"), by(DEVELOPER))
               .expectEvents(replied(REPLY))
               .expectResultMessagePayload(ratedView(REPLY, false, 0, LATER));
    }

    @Test
    void anAdminMayReply() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .when(reply(REPLY), by(ADMIN))
               .expectEvents(new RatingReplyPostedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), REPLY,
                                                        ADMIN.userId()))
               .expectResultMessagePayload(ratedView(REPLY, false, 0, RATED_AT));
    }

    @Test
    void replyingAgainReplacesTheReply() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), replied("Thanks!"))
               .andGivenCurrentTime(LATER)
               .when(reply(REPLY), by(DEVELOPER))
               .expectEvents(replied(REPLY))
               .expectResultMessagePayload(ratedView(REPLY, false, 0, LATER));
    }

    @Test
    void replyingAgainWithTheSameTextStoresNothing() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), replied(REPLY))
               .andGivenCurrentTime(LATER)
               .when(reply(REPLY + " "), by(DEVELOPER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(ratedView(REPLY, false, 0, RATED_AT));
    }

    @Test
    void theDeveloperCanReplyToAHiddenRating() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), hidden())
               .when(reply(REPLY), by(DEVELOPER))
               .expectEvents(replied(REPLY))
               .expectResultMessagePayload(ratedView(REPLY, true, 0, RATED_AT));
    }

    static Stream<Actor> everyoneButTheDeveloperAndAdmins() {
        return Stream.of(OTHER_DEVELOPER, AUTHOR, RatingFixture.REVIEWER);
    }

    @ParameterizedTest
    @MethodSource("everyoneButTheDeveloperAndAdmins")
    void onlyTheProgramsDeveloperMayReply(Actor actor) {
        refused(fixture.given(rated())
                       .when(reply(REPLY), by(actor)),
                violates(RuleCode.NOT_OWNER)
                        .saying("Only the developer who owns this mini-program may reply to its ratings."));
    }

    @Test
    void cannotReplyWhenNotSignedIn() {
        refused(fixture.given(rated())
                       .when(reply(REPLY)),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotReplyToARatingThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(reply(REPLY), by(DEVELOPER))
               .expectNoEvents()
               .expectException(violates(RuleCode.RATING_NOT_FOUND))
               .expectExceptionMessage("No rating with id " + RATING_ID + ".");
    }

    @Test
    void cannotReplyWhenTheDirectoryDoesNotKnowTheProgram() {
        newFixture(AUTHOR_INSTALLED, NO_PROGRAMS)
                .given(rated())
                .when(reply(REPLY), by(DEVELOPER))
                .expectNoEvents()
                .expectException(violates(RuleCode.PROGRAM_NOT_FOUND))
                .expectExceptionMessage("No mini-program with id " + PROGRAM_ID + ".");
    }

    static Stream<Arguments> invalidReplies() {
        return Stream.of(arguments(null, "text: is required"),
                         arguments(" \n ", "text: is required"),
                         arguments("r".repeat(2001), "text: must be 1 to 2000 characters, not 2001"),
                         arguments("Thanks\u0007",
                                   "text: contains control or invisible characters (U+0007 <control-0007>)"));
    }

    @ParameterizedTest
    @MethodSource("invalidReplies")
    void cannotReplyWithInvalidText(String text, String message) {
        refused(fixture.given(rated())
                       .when(reply(text), by(DEVELOPER)),
                violates(RuleCode.INVALID_INPUT, "text").saying(message));
    }

    private static ReplyToRatingCommand reply(String text) {
        return new ReplyToRatingCommand(RATING_ID, text);
    }
}
