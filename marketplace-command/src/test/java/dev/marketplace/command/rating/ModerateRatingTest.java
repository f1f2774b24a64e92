package dev.marketplace.command.rating;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.rating.RatingFixture.ADMIN;
import static dev.marketplace.command.rating.RatingFixture.AUTHOR;
import static dev.marketplace.command.rating.RatingFixture.DEVELOPER;
import static dev.marketplace.command.rating.RatingFixture.LATER;
import static dev.marketplace.command.rating.RatingFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.rating.RatingFixture.OTHER_USER;
import static dev.marketplace.command.rating.RatingFixture.PROGRAM_ID;
import static dev.marketplace.command.rating.RatingFixture.RATED_AT;
import static dev.marketplace.command.rating.RatingFixture.RATING_ID;
import static dev.marketplace.command.rating.RatingFixture.REVIEWER;
import static dev.marketplace.command.rating.RatingFixture.by;
import static dev.marketplace.command.rating.RatingFixture.flagged;
import static dev.marketplace.command.rating.RatingFixture.hidden;
import static dev.marketplace.command.rating.RatingFixture.newFixture;
import static dev.marketplace.command.rating.RatingFixture.rated;
import static dev.marketplace.command.rating.RatingFixture.ratedView;
import static org.hamcrest.Matchers.containsString;

import dev.marketplace.api.rating.FlagReason;
import dev.marketplace.api.rating.HideRatingCommand;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.rating.RestoreRatingCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModerateRatingTest {

    private static final HideRatingCommand HIDE = new HideRatingCommand(RATING_ID);
    private static final RestoreRatingCommand RESTORE = new RestoreRatingCommand(RATING_ID);

    private final AggregateTestFixture<Rating> fixture = newFixture();

    @Test
    void aReviewerCanHideAFlaggedRating() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), flagged(OTHER_USER, FlagReason.OFFENSIVE, 1))
               .andGivenCurrentTime(LATER)
               .when(HIDE, by(REVIEWER))
               .expectEvents(hidden())
               .expectResultMessagePayload(ratedView(null, true, 1, LATER));
    }

    @Test
    void anAdminMayHideARating() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .when(HIDE, by(ADMIN))
               .expectEvents(new RatingHiddenEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 4, ADMIN.userId()))
               .expectResultMessagePayload(ratedView(null, true, 0, RATED_AT));
    }

    @Test
    void aReviewerCanRestoreAHiddenRating() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), hidden())
               .andGivenCurrentTime(LATER)
               .when(RESTORE, by(REVIEWER))
               .expectEvents(new RatingRestoredEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 4, REVIEWER.userId()))
               .expectResultMessagePayload(ratedView(null, false, 0, LATER));
    }

    @Test
    void anAdminMayRestoreARating() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), hidden())
               .when(RESTORE, by(ADMIN))
               .expectEvents(new RatingRestoredEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 4, ADMIN.userId()))
               .expectResultMessagePayload(ratedView(null, false, 0, RATED_AT));
    }

    @Test
    void cannotHideARatingThatIsAlreadyHidden() {
        refused(fixture.given(rated(), hidden())
                       .when(HIDE, by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot hide the rating: it is already hidden."));
    }

    @Test
    void cannotRestoreARatingThatIsVisible() {
        refused(fixture.given(rated())
                       .when(RESTORE, by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot restore the rating: it is visible."));
    }

    static Stream<Actor> usersWithoutTheReviewerRole() {
        return Stream.of(OTHER_USER, OTHER_DEVELOPER);
    }

    @ParameterizedTest
    @MethodSource("usersWithoutTheReviewerRole")
    void cannotHideWithoutTheReviewerRole(Actor actor) {
        refused(fixture.given(rated())
                       .when(HIDE, by(actor)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }

    @ParameterizedTest
    @MethodSource("usersWithoutTheReviewerRole")
    void cannotRestoreWithoutTheReviewerRole(Actor actor) {
        refused(fixture.given(rated(), hidden())
                       .when(RESTORE, by(actor)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }

    static Stream<Actor> reviewersWithAStake() {
        return Stream.of(Actor.of(DEVELOPER.userId(), Role.DEVELOPER, Role.REVIEWER),
                         Actor.of(AUTHOR.userId(), Role.USER, Role.REVIEWER),
                         Actor.of(DEVELOPER.userId(), Role.ADMIN));
    }

    @ParameterizedTest
    @MethodSource("reviewersWithAStake")
    void cannotHideARatingOnOwnProgramOrOfOwnWriting(Actor actor) {
        refused(fixture.given(rated())
                       .when(HIDE, by(actor)),
                violates(RuleCode.SELF_REVIEW)
                        .saying("You cannot moderate a rating you wrote or one on a mini-program you own."));
    }

    @ParameterizedTest
    @MethodSource("reviewersWithAStake")
    void cannotRestoreARatingOnOwnProgramOrOfOwnWriting(Actor actor) {
        refused(fixture.given(rated(), hidden())
                       .when(RESTORE, by(actor)),
                violates(RuleCode.SELF_REVIEW)
                        .saying("You cannot moderate a rating you wrote or one on a mini-program you own."));
    }

    @Test
    void cannotHideWhenNotSignedIn() {
        refused(fixture.given(rated())
                       .when(HIDE),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotRestoreWhenNotSignedIn() {
        refused(fixture.given(rated(), hidden())
                       .when(RESTORE),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotHideARatingThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(HIDE, by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.RATING_NOT_FOUND))
               .expectExceptionMessage("No rating with id " + RATING_ID + ".");
    }

    @Test
    void cannotRestoreARatingThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(RESTORE, by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.RATING_NOT_FOUND))
               .expectExceptionMessage("No rating with id " + RATING_ID + ".");
    }
}
