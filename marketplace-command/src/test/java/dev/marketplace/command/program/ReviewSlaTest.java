package dev.marketplace.command.program;

import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.POLICY;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.START;
import static dev.marketplace.command.program.ProgramFixture.approve;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.checked;
import static dev.marketplace.command.program.ProgramFixture.claim;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.reject;
import static dev.marketplace.command.program.ProgramFixture.sentBy;
import static dev.marketplace.command.program.ProgramFixture.submit;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.DelistMiniProgramCommand;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionStatus;
import java.time.Duration;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The review SLA: a version still waiting for a decision when it runs out is escalated, once. */
class ReviewSlaTest {

    private static final Duration SLA = POLICY.reviewSla();

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void submittingAVersionStartsTheReviewSla() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .when(submit("1.0.0"), by(OWNER))
               .expectEvents(submitted("1.0.0"))
               .expectScheduledDeadlineWithName(START.plus(SLA), MiniProgram.REVIEW_SLA)
               .expectScheduledDeadline(SLA, "1.0.0");
    }

    @Test
    void aVersionStillInReviewWhenTheSlaRunsOutIsEscalated() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .whenTimeElapses(SLA)
               .expectTriggeredDeadlinesWithName(MiniProgram.REVIEW_SLA)
               .expectEvents(new ReviewEscalatedEvent(PROGRAM_ID, "1.0.0", START, SLA))
               .expectState(program -> {
                   assertThat(program.version("1.0.0").toView(PROGRAM_ID).escalated()).isTrue();
                   assertThat(program.version("1.0.0").status()).isEqualTo(VersionStatus.IN_REVIEW);
               });
    }

    @Test
    void aClaimedVersionStillInReviewIsEscalatedToo() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")), sentBy(REVIEWER, claim("1.0.0")))
               .whenTimeAdvancesTo(START.plus(SLA))
               .expectEvents(new ReviewEscalatedEvent(PROGRAM_ID, "1.0.0", START, SLA));
    }

    @Test
    void aVersionIsEscalatedOnceHoweverLongItWaits() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .whenTimeElapses(SLA.multipliedBy(10))
               .expectEvents(new ReviewEscalatedEvent(PROGRAM_ID, "1.0.0", START, SLA));
    }

    @Test
    void nothingHappensBeforeTheSlaRunsOut() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .whenTimeElapses(SLA.minusSeconds(1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectTriggeredDeadlines()
               .expectScheduledDeadlineWithName(START.plus(SLA), MiniProgram.REVIEW_SLA);
    }

    // The deadline store delivers at least once; a second delivery must not escalate the version again.
    @Test
    void aRepeatedDeadlineDoesNotEscalateAgain() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .andGiven(new ReviewEscalatedEvent(PROGRAM_ID, "1.0.0", START, SLA))
               .whenTimeElapses(SLA)
               .expectTriggeredDeadlinesWithName(MiniProgram.REVIEW_SLA)
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    static Stream<Arguments> endsOfTheReview() {
        return Stream.of(
                arguments("approved", sentBy(REVIEWER, approve("1.0.0"))),
                arguments("rejected", sentBy(REVIEWER, reject("1.0.0", RejectionReason.CRASHES))),
                arguments("withdrawn", sentBy(OWNER, withdraw("1.0.0"))),
                arguments("delisted", sentBy(OWNER, new DelistMiniProgramCommand(PROGRAM_ID))));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("endsOfTheReview")
    void aVersionWhoseReviewEndedInTimeIsNotEscalated(String end, CommandMessage<?> command) {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .andGiven(checked("1.0.0"))
               .andGivenCommands(command)
               .whenTimeElapses(SLA.multipliedBy(2))
               .expectTriggeredDeadlines()
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
