package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.release;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.suspended;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void canReleaseAVersionToEveryone() {
        fixture.given(withApproved("1.0.0"))
               .when(release("1.0.0", 100), by(OWNER))
               .expectEvents(released("1.0.0", 100))
               .expectResultMessagePayloadMatching(releasedTo("1.0.0", 100));
    }

    @Test
    void anAdminMayReleaseSomeoneElsesVersion() {
        fixture.given(withApproved("1.0.0"))
               .when(release("1.0.0", 100), by(ADMIN))
               .expectEvents(released("1.0.0", 100));
    }

    @Test
    void canStartAPhasedRelease() {
        fixture.given(withApproved("1.0.0"))
               .when(release("1.0.0", 10), by(OWNER))
               .expectEvents(released("1.0.0", 10))
               .expectResultMessagePayloadMatching(releasedTo("1.0.0", 10));
    }

    @Test
    void canWidenAPhasedRelease() {
        fixture.given(withApproved("1.0.0"))
               .andGiven(released("1.0.0", 10))
               .when(release("1.0.0", 50), by(OWNER))
               .expectEvents(released("1.0.0", 50))
               .expectResultMessagePayloadMatching(releasedTo("1.0.0", 50));
    }

    @Test
    void canCompleteAPhasedRelease() {
        fixture.given(withApproved("1.0.0"))
               .andGiven(released("1.0.0", 10), released("1.0.0", 50))
               .when(release("1.0.0", 100), by(OWNER))
               .expectEvents(released("1.0.0", 100))
               .expectResultMessagePayloadMatching(releasedTo("1.0.0", 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 50})
    void cannotNarrowOrRepeatARelease(int percentage) {
        refused(fixture.given(withApproved("1.0.0"))
                       .andGiven(released("1.0.0", 10), released("1.0.0", 50))
                       .when(release("1.0.0", percentage), by(OWNER)),
                violates(RuleCode.RELEASE_NOT_WIDER)
                        .saying(containsString("it is already released to 50%, and a release can only widen")));
    }

    @Test
    void cannotReleaseASuspendedProgram() {
        refused(fixture.given(withApproved("1.0.0"))
                       .andGiven(suspended())
                       .when(release("1.0.0", 100), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot release: the program is SUSPENDED."));
    }

    @Test
    void cannotWidenAPhasedReleaseOfASuspendedProgram() {
        refused(fixture.given(withApproved("1.0.0"))
                       .andGiven(released("1.0.0", 10), suspended())
                       .when(release("1.0.0", 100), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot release: the program is SUSPENDED."));
    }

    @Test
    void cannotReleaseAVersionInReview() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(release("1.0.0", 100), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot release version 1.0.0 to 100%: it is IN_REVIEW."));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -5})
    void cannotReleaseToAnImpossiblePercentage(int percentage) {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(release("1.0.0", percentage), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "percentage")
                        .saying("percentage: must be between 1 and 100, not " + percentage));
    }

    @Test
    void cannotReleaseSomeoneElsesProgram() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(release("1.0.0", 100), by(OTHER_DEVELOPER)),
                violates(RuleCode.NOT_OWNER).saying(containsString("owns this mini-program")));
    }

    @Test
    void cannotReleaseWithoutTheDeveloperRole() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(release("1.0.0", 100), by(REVIEWER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("DEVELOPER")));
    }

    @Test
    void cannotReleaseWhenNotSignedIn() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(release("1.0.0", 100)),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotReleaseAnUnknownVersion() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(release("1.1.0", 100), by(OWNER)),
                violates(RuleCode.VERSION_NOT_FOUND).saying(containsString("has no version 1.1.0")));
    }

    @Test
    void canFullyReleaseANewerVersion() {
        fixture.given(withApproved("1.0.0", "1.1.0"))
               .andGiven(released("1.0.0", 100))
               .when(release("1.1.0", 100), by(OWNER))
               .expectEvents(released("1.1.0", 100))
               .expectResultMessagePayloadMatching(releasedTo("1.1.0", 100));
    }

    @Test
    void aFullReleaseSupersedesTheCurrentVersion() {
        refused(fixture.given(withApproved("1.0.0", "1.1.0"))
                       .andGiven(released("1.0.0", 100), released("1.1.0", 100))
                       .when(release("1.0.0", 100), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION)
                        .saying("Cannot release version 1.0.0 to 100%: it is SUPERSEDED."));
    }

    @Test
    void aPhasedReleaseKeepsTheCurrentVersion() {
        refused(fixture.given(withApproved("1.0.0", "1.1.0"))
                       .andGiven(released("1.0.0", 100), released("1.1.0", 10))
                       .when(release("1.0.0", 100), by(OWNER)),
                violates(RuleCode.RELEASE_NOT_WIDER).saying(containsString("it is already released to 100%")));
    }

    @Test
    void aFirstPhasedReleaseIsSupersededByTheNextFullRelease() {
        refused(fixture.given(withApproved("1.0.0", "1.1.0"))
                       .andGiven(released("1.0.0", 10), released("1.1.0", 100))
                       .when(release("1.0.0", 50), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying(containsString("it is SUPERSEDED")));
    }

    // Once 1.2.0 is out to everyone, the older 1.1.0 left at 10% must not be widened: that would make 1.1.0 the
    // current version again and supersede the newer 1.2.0.
    @Test
    void cannotWidenAPhasedReleaseThatANewerFullReleaseOvertook() {
        refused(fixture.given(withApproved("1.0.0", "1.1.0"))
                       .andGiven(released("1.0.0", 100), released("1.1.0", 10))
                       .andGiven(submitted("1.2.0"), approved("1.2.0"), released("1.2.0", 100))
                       .when(release("1.1.0", 100), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying(startsWith("Cannot release version 1.1.0")));
    }

    private static Matcher<VersionView> releasedTo(String number, int percentage) {
        return satisfies(VersionView.class, view -> {
            assertThat(view.number()).isEqualTo(number);
            assertThat(view.status()).isEqualTo(VersionStatus.RELEASED);
            assertThat(view.releasePercentage()).isEqualTo(percentage);
        });
    }
}
