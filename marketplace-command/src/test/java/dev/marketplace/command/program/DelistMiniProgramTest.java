package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.approve;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.claim;
import static dev.marketplace.command.program.ProgramFixture.delisted;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.programIn;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.reject;
import static dev.marketplace.command.program.ProgramFixture.release;
import static dev.marketplace.command.program.ProgramFixture.sentBy;
import static dev.marketplace.command.program.ProgramFixture.submit;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.suspended;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static dev.marketplace.command.program.ProgramFixture.withReleased;
import static dev.marketplace.command.program.ProgramFixture.withdraw;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.DelistMiniProgramCommand;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.UpdateListingCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DelistMiniProgramTest {

    private static final DelistMiniProgramCommand DELIST = new DelistMiniProgramCommand(PROGRAM_ID);

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void theOwnerCanDelistALiveProgram() {
        fixture.given(withReleased("1.0.0"))
               .when(DELIST, by(OWNER))
               .expectEvents(new MiniProgramDelistedEvent(PROGRAM_ID))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.DELISTED, "1.0.0"));
    }

    @Test
    void theOwnerCanDelistASuspendedProgram() {
        fixture.given(withReleased("1.0.0"))
               .andGiven(suspended())
               .when(DELIST, by(OWNER))
               .expectEvents(new MiniProgramDelistedEvent(PROGRAM_ID))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.DELISTED, "1.0.0"));
    }

    @Test
    void anAdminMayDelistSomeoneElsesProgram() {
        fixture.given(registered())
               .when(DELIST, by(ADMIN))
               .expectEvents(new MiniProgramDelistedEvent(PROGRAM_ID))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.DELISTED, null));
    }

    @Test
    void delistingCancelsTheReviewSlaAndThePhasedReleaseTimeout() {
        fixture.given(withApproved("1.0.0"))
               .andGivenCommands(sentBy(OWNER, release("1.0.0", 10)), sentBy(OWNER, submit("1.1.0")))
               .when(DELIST, by(OWNER))
               .expectEvents(new MiniProgramDelistedEvent(PROGRAM_ID))
               .expectNoScheduledDeadlines();
    }

    @Test
    void cannotDelistTwice() {
        refused(fixture.given(registered(), delisted())
                       .when(DELIST, by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot delist: the program is DELISTED."));
    }

    @Test
    void cannotDelistSomeoneElsesProgram() {
        refused(fixture.given(registered())
                       .when(DELIST, by(OTHER_DEVELOPER)),
                violates(RuleCode.NOT_OWNER).saying(containsString("owns this mini-program")));
    }

    @Test
    void aReviewerCannotDelist() {
        refused(fixture.given(registered())
                       .when(DELIST, by(REVIEWER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("DEVELOPER")));
    }

    static Stream<Arguments> commandsADelistedProgramRefuses() {
        return Stream.of(
                arguments(submit("1.1.0"), OWNER, "submit a version"),
                arguments(release("1.0.0", 100), OWNER, "release"),
                arguments(new UpdateListingCommand(PROGRAM_ID, null, "Closed for good", null, null, null, null),
                          OWNER, "edit the listing"));
    }

    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("commandsADelistedProgramRefuses")
    void aDelistedProgramAcceptsNothingMore(Object command, Actor actor, String action) {
        refused(fixture.given(withApproved("1.0.0"))
                       .andGiven(delisted())
                       .when(command, by(actor)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot " + action + ": the program is DELISTED."));
    }

    static Stream<Arguments> reviewCommands() {
        return Stream.of(
                arguments(withdraw("1.1.0"), OWNER, "withdraw a version"),
                arguments(claim("1.1.0"), REVIEWER, "claim a version"),
                arguments(approve("1.1.0"), REVIEWER, "approve a version"),
                arguments(reject("1.1.0", RejectionReason.CRASHES), REVIEWER, "reject a version"));
    }

    // Delisting ends the review of a version still waiting: its SLA is cancelled and nobody may decide it.
    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("reviewCommands")
    void aDelistedProgramsVersionInReviewCannotBeReviewedOrWithdrawn(Object command, Actor actor, String action) {
        refused(fixture.given(withReleased("1.0.0"))
                       .andGiven(submitted("1.1.0"), delisted())
                       .when(command, by(actor)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot " + action + ": the program is DELISTED."));
    }
}
