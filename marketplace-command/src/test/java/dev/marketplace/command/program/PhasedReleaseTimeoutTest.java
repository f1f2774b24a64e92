package dev.marketplace.command.program;

import static dev.marketplace.command.program.ProgramFixture.EXPIRE_POLICY;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.POLICY;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.START;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.release;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.sentBy;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.suspended;
import static dev.marketplace.command.program.ProgramFixture.versionStatuses;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static dev.marketplace.command.program.ProgramFixture.withReleased;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionStatus;
import java.time.Duration;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/** A phased release left below 100% for the policy's timeout completes (COMPLETE) or is withdrawn (EXPIRE). */
class PhasedReleaseTimeoutTest {

    private static final Duration TIMEOUT = POLICY.phasedReleaseTimeout();

    private final AggregateTestFixture<MiniProgram> completing = newFixture();
    private final AggregateTestFixture<MiniProgram> expiring = newFixture(EXPIRE_POLICY);

    @Test
    void aPhasedReleaseStartsTheTimeout() {
        completing.givenCurrentTime(START)
                  .andGiven(withApproved("1.0.0"))
                  .when(release("1.0.0", 10), by(OWNER))
                  .expectEvents(released("1.0.0", 10))
                  .expectScheduledDeadlineWithName(START.plus(TIMEOUT), MiniProgram.PHASED_RELEASE)
                  .expectScheduledDeadline(TIMEOUT, "1.0.0");
    }

    @Test
    void aFullReleaseStartsNoTimeout() {
        completing.givenCurrentTime(START)
                  .andGiven(withApproved("1.0.0"))
                  .when(release("1.0.0", 100), by(OWNER))
                  .expectEvents(released("1.0.0", 100))
                  .expectNoScheduledDeadlines();
    }

    // Widening cancels the pending timeout (see the tests below); a release still below 100% needs a new one.
    @Test
    void wideningAPhasedReleaseBelowEveryoneKeepsATimeout() {
        phasedFirstRelease(completing)
                .when(release("1.0.0", 50), by(OWNER))
                .expectEvents(released("1.0.0", 50))
                .expectScheduledDeadlineWithName(START.plus(TIMEOUT), MiniProgram.PHASED_RELEASE);
    }

    @Test
    void onTimeoutTheCompletePolicyReleasesToEveryone() {
        phasedFirstRelease(completing)
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(MiniProgram.PHASED_RELEASE)
                .expectEvents(released("1.0.0", 100))
                .expectState(program(view -> {
                    assertThat(view.status()).isEqualTo(ProgramStatus.LIVE);
                    assertThat(view.currentVersion()).isEqualTo("1.0.0");
                    assertThat(view.versions().get(0).releasePercentage()).isEqualTo(100);
                }));
    }

    @Test
    void nothingHappensBeforeTheTimeout() {
        phasedFirstRelease(completing)
                .whenTimeElapses(TIMEOUT.minusSeconds(1))
                .expectTriggeredDeadlines()
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPhasedReleaseWidenedToEveryoneBeforeTheTimeoutIsLeftAlone() {
        phasedFirstRelease(completing)
                .andGivenCommands(sentBy(OWNER, release("1.0.0", 100)))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlines()
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuspendedProgramsPhasedReleaseIsDecidedOneTimeoutAfterTheTakedownInstead() {
        phasedFirstRelease(completing)
                .andGiven(suspended())
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(MiniProgram.PHASED_RELEASE)
                .expectScheduledDeadlineWithName(TIMEOUT, MiniProgram.PHASED_RELEASE)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onTimeoutTheExpirePolicyWithdrawsThePhasedReleaseOfANewerVersion() {
        expiring.givenCurrentTime(START)
                .andGiven(withReleased("1.0.0"))
                .andGiven(submitted("1.1.0"), approved("1.1.0"))
                .andGivenCommands(sentBy(OWNER, release("1.1.0", 20)))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(MiniProgram.PHASED_RELEASE)
                .expectEvents(new PhasedReleaseExpiredEvent(PROGRAM_ID, "1.1.0", 20))
                .expectState(program(view -> {
                    assertThat(view.status()).isEqualTo(ProgramStatus.LIVE);
                    assertThat(view.currentVersion()).isEqualTo("1.0.0");
                    assertThat(versionStatuses(view)).containsExactly(entry("1.0.0", VersionStatus.RELEASED),
                                                                      entry("1.1.0", VersionStatus.APPROVED));
                    assertThat(view.versions().get(1).releasePercentage()).isZero();
                }));
    }

    @Test
    void anExpiredFirstPhasedReleaseReturnsTheProgramToDraft() {
        phasedFirstRelease(expiring)
                .whenTimeElapses(TIMEOUT)
                .expectEvents(new PhasedReleaseExpiredEvent(PROGRAM_ID, "1.0.0", 10))
                .expectState(program(view -> {
                    assertThat(view.status()).isEqualTo(ProgramStatus.DRAFT);
                    assertThat(view.currentVersion()).isNull();
                    assertThat(versionStatuses(view)).containsExactly(entry("1.0.0", VersionStatus.APPROVED));
                }));
    }

    @Test
    void anExpiredVersionIsApprovedAndCanBeReleasedAgain() {
        expiring.given(withApproved("1.0.0"))
                .andGiven(released("1.0.0", 10), new PhasedReleaseExpiredEvent(PROGRAM_ID, "1.0.0", 10))
                .when(release("1.0.0", 100), by(OWNER))
                .expectEvents(released("1.0.0", 100))
                .expectResultMessagePayloadMatching(ProgramFixture.versionIn("1.0.0", VersionStatus.RELEASED));
    }

    @Test
    void aPhasedReleaseWidenedToEveryoneBeforeTheTimeoutDoesNotExpire() {
        phasedFirstRelease(expiring)
                .andGivenCommands(sentBy(OWNER, release("1.0.0", 100)))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlines()
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** A program whose approved 1.0.0 the owner released to 10% at {@link ProgramFixture#START}. */
    private static TestExecutor<MiniProgram> phasedFirstRelease(AggregateTestFixture<MiniProgram> fixture) {
        return fixture.givenCurrentTime(START)
                      .andGiven(withApproved("1.0.0"))
                      .andGivenCommands(sentBy(OWNER, release("1.0.0", 10)));
    }

    private static Consumer<MiniProgram> program(Consumer<MiniProgramView> assertions) {
        return program -> assertions.accept(program.toView());
    }
}
