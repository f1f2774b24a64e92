package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OTHER_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.OWNER_AS_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.delisted;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.programIn;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.suspended;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static dev.marketplace.command.program.ProgramFixture.withReleased;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReinstateMiniProgramCommand;
import dev.marketplace.api.program.SuspendMiniProgramCommand;
import dev.marketplace.api.rules.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A reviewer's takedown of a program, and lifting it. */
class SuspensionTest {

    private static final String REASON = "Collects contacts it never uses";
    private static final SuspendMiniProgramCommand SUSPEND = new SuspendMiniProgramCommand(PROGRAM_ID, REASON);
    private static final ReinstateMiniProgramCommand REINSTATE = new ReinstateMiniProgramCommand(PROGRAM_ID);

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void aReviewerCanSuspendALiveProgram() {
        fixture.given(withReleased("1.0.0"))
               .when(new SuspendMiniProgramCommand(PROGRAM_ID, "  " + REASON + "\n"), by(REVIEWER))
               .expectEvents(new MiniProgramSuspendedEvent(PROGRAM_ID, REVIEWER.userId(), REASON))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.SUSPENDED, "1.0.0"));
    }

    @Test
    void aReviewerCanSuspendADraftProgram() {
        fixture.given(registered())
               .when(SUSPEND, by(REVIEWER))
               .expectEvents(new MiniProgramSuspendedEvent(PROGRAM_ID, REVIEWER.userId(), REASON))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.SUSPENDED, null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void cannotSuspendWithoutAReason(String reason) {
        refused(fixture.given(withReleased("1.0.0"))
                       .when(new SuspendMiniProgramCommand(PROGRAM_ID, reason), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "reason").saying("reason: is required"));
    }

    @Test
    void cannotSuspendWithAnOverlongReason() {
        refused(fixture.given(withReleased("1.0.0"))
                       .when(new SuspendMiniProgramCommand(PROGRAM_ID, "r".repeat(501)), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "reason").saying(startsWith("reason: ")));
    }

    @Test
    void cannotSuspendTwice() {
        refused(fixture.given(withReleased("1.0.0"))
                       .andGiven(suspended())
                       .when(SUSPEND, by(OTHER_REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot suspend: the program is SUSPENDED."));
    }

    @Test
    void cannotSuspendADelistedProgram() {
        refused(fixture.given(registered(), delisted())
                       .when(SUSPEND, by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot suspend: the program is DELISTED."));
    }

    @Test
    void cannotSuspendOwnProgram() {
        refused(fixture.given(withReleased("1.0.0"))
                       .when(SUSPEND, by(OWNER_AS_REVIEWER)),
                violates(RuleCode.SELF_REVIEW).saying("You cannot review a mini-program you own."));
    }

    @Test
    void cannotSuspendWithoutTheReviewerRole() {
        refused(fixture.given(withReleased("1.0.0"))
                       .when(SUSPEND, by(OTHER_DEVELOPER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }

    @Test
    void reinstatingAProgramWithACurrentVersionMakesItLiveAgain() {
        fixture.given(withReleased("1.0.0"))
               .andGiven(suspended())
               .when(REINSTATE, by(OTHER_REVIEWER))
               .expectEvents(new MiniProgramReinstatedEvent(PROGRAM_ID, OTHER_REVIEWER.userId(), ProgramStatus.LIVE))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.LIVE, "1.0.0"));
    }

    @Test
    void reinstatingAProgramWithoutAReleaseReturnsItToDraft() {
        fixture.given(withApproved("1.0.0"))
               .andGiven(suspended())
               .when(REINSTATE, by(REVIEWER))
               .expectEvents(new MiniProgramReinstatedEvent(PROGRAM_ID, REVIEWER.userId(), ProgramStatus.DRAFT))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.DRAFT, null));
    }

    @Test
    void anAdminMayReinstate() {
        fixture.given(withReleased("1.0.0"))
               .andGiven(suspended())
               .when(REINSTATE, by(ADMIN))
               .expectEvents(new MiniProgramReinstatedEvent(PROGRAM_ID, ADMIN.userId(), ProgramStatus.LIVE));
    }

    @Test
    void cannotReinstateAProgramThatIsNotSuspended() {
        refused(fixture.given(withReleased("1.0.0"))
                       .when(REINSTATE, by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot reinstate: the program is LIVE, not SUSPENDED."));
    }

    @Test
    void cannotReinstateADelistedProgram() {
        refused(fixture.given(withReleased("1.0.0"))
                       .andGiven(suspended(), delisted())
                       .when(REINSTATE, by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION)
                        .saying("Cannot reinstate: the program is DELISTED, not SUSPENDED."));
    }

    @Test
    void theOwnerCannotReinstateOwnProgram() {
        refused(fixture.given(withReleased("1.0.0"))
                       .andGiven(suspended())
                       .when(REINSTATE, by(OWNER_AS_REVIEWER)),
                violates(RuleCode.SELF_REVIEW).saying("You cannot review a mini-program you own."));
    }

    @Test
    void aDeveloperCannotReinstate() {
        refused(fixture.given(withReleased("1.0.0"))
                       .andGiven(suspended())
                       .when(REINSTATE, by(OWNER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }
}
