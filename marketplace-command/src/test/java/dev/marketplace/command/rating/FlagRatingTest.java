package dev.marketplace.command.rating;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.rating.RatingFixture.AUTHOR;
import static dev.marketplace.command.rating.RatingFixture.DEVELOPER;
import static dev.marketplace.command.rating.RatingFixture.LATER;
import static dev.marketplace.command.rating.RatingFixture.OTHER_USER;
import static dev.marketplace.command.rating.RatingFixture.RATED_AT;
import static dev.marketplace.command.rating.RatingFixture.RATING_ID;
import static dev.marketplace.command.rating.RatingFixture.REVIEWER;
import static dev.marketplace.command.rating.RatingFixture.THIRD_USER;
import static dev.marketplace.command.rating.RatingFixture.by;
import static dev.marketplace.command.rating.RatingFixture.flagged;
import static dev.marketplace.command.rating.RatingFixture.hidden;
import static dev.marketplace.command.rating.RatingFixture.newFixture;
import static dev.marketplace.command.rating.RatingFixture.rated;
import static dev.marketplace.command.rating.RatingFixture.ratedView;

import dev.marketplace.api.rating.FlagRatingCommand;
import dev.marketplace.api.rating.FlagReason;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlagRatingTest {

    private final AggregateTestFixture<Rating> fixture = newFixture();

    @ParameterizedTest
    @EnumSource(FlagReason.class)
    void anySignedInUserCanFlagARating(FlagReason reason) {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .andGivenCurrentTime(LATER)
               .when(flag(reason), by(OTHER_USER))
               .expectEvents(flagged(OTHER_USER, reason, 1))
               .expectResultMessagePayload(ratedView(null, false, 1, LATER));
    }

    @Test
    void theProgramsDeveloperCanFlagARating() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated())
               .when(flag(FlagReason.OFF_TOPIC), by(DEVELOPER))
               .expectEvents(flagged(DEVELOPER, FlagReason.OFF_TOPIC, 1))
               .expectResultMessagePayload(ratedView(null, false, 1, RATED_AT));
    }

    @Test
    void flagsFromDifferentUsersAddUp() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), flagged(OTHER_USER, FlagReason.SPAM, 1))
               .when(flag(FlagReason.OFFENSIVE), by(THIRD_USER))
               .expectEvents(flagged(THIRD_USER, FlagReason.OFFENSIVE, 2))
               .expectResultMessagePayload(ratedView(null, false, 2, RATED_AT));
    }

    @Test
    void flaggingTwiceStoresNothingWhateverTheReason() {
        fixture.givenCurrentTime(RATED_AT)
               .andGiven(rated(), flagged(OTHER_USER, FlagReason.SPAM, 1))
               .andGivenCurrentTime(LATER)
               .when(flag(FlagReason.OTHER), by(OTHER_USER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(ratedView(null, false, 1, RATED_AT));
    }

    @Test
    void aHiddenRatingDoesNotExistForOtherUsers() {
        refused(fixture.given(rated(), hidden())
                       .when(flag(FlagReason.SPAM), by(OTHER_USER)),
                violates(RuleCode.RATING_NOT_FOUND).saying("No rating with id " + RATING_ID + "."));
    }

    @Test
    void theProgramsDeveloperAndReviewersStillFlagAHiddenRating() {
        fixture.given(rated(), hidden())
               .when(flag(FlagReason.SPAM), by(DEVELOPER))
               .expectEvents(flagged(DEVELOPER, FlagReason.SPAM, 1));
        newFixture().given(rated(), hidden())
                    .when(flag(FlagReason.SPAM), by(REVIEWER))
                    .expectEvents(flagged(REVIEWER, FlagReason.SPAM, 1));
    }

    @Test
    void cannotFlagOwnRating() {
        refused(fixture.given(rated())
                       .when(flag(FlagReason.SPAM), by(Actor.of(AUTHOR.userId(), Role.USER, Role.REVIEWER))),
                violates(RuleCode.SELF_FLAG).saying("You cannot flag your own rating."));
    }

    @Test
    void cannotFlagWithoutAReason() {
        refused(fixture.given(rated())
                       .when(flag(null), by(OTHER_USER)),
                violates(RuleCode.INVALID_INPUT, "reason").saying("reason: is required"));
    }

    @Test
    void cannotFlagWhenNotSignedIn() {
        refused(fixture.given(rated())
                       .when(flag(FlagReason.SPAM)),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotFlagARatingThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(flag(FlagReason.SPAM), by(OTHER_USER))
               .expectNoEvents()
               .expectException(violates(RuleCode.RATING_NOT_FOUND))
               .expectExceptionMessage("No rating with id " + RATING_ID + ".");
    }

    private static FlagRatingCommand flag(FlagReason reason) {
        return new FlagRatingCommand(RATING_ID, reason);
    }
}
