package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OTHER_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.OWNER_AS_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.POLICY;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.START;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.claimed;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.sentBy;
import static dev.marketplace.command.program.ProgramFixture.submit;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.program.AnswerReviewCommand;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.RequestInformationCommand;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.rules.RuleCode;
import java.time.Duration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A reviewer's question and the developer's answer: the review pauses, and its SLA with it. */
class ReviewConversationTest {

    private static final Duration SLA = POLICY.reviewSla();
    private static final String QUESTION = "Why does it need the location?";
    private static final String ANSWER = "To find the nearest shop.";

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void aReviewerAsksAndHoldsTheReviewWhileTheSlaStops() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .when(ask(QUESTION), by(REVIEWER))
               .expectEvents(new InformationRequestedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), QUESTION))
               .expectNoScheduledDeadlines()
               .expectState(program -> {
                   assertThat(program.version("1.0.0").status()).isEqualTo(VersionStatus.INFORMATION_REQUESTED);
                   assertThat(program.version("1.0.0").reviewer()).isEqualTo(REVIEWER.userId());
               });
    }

    @Test
    void theAnswerResumesTheReviewWithWhatWasLeftOfTheSla() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"))
               .andGivenCurrentTime(START.plus(Duration.ofHours(10)))
               .andGiven(new InformationRequestedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), QUESTION))
               .andGivenCurrentTime(START.plus(Duration.ofDays(5)))
               .when(answer(ANSWER), by(OWNER))
               .expectEvents(new ReviewAnsweredEvent(PROGRAM_ID, "1.0.0", OWNER.userId(), ANSWER))
               .expectScheduledDeadlineWithName(START.plus(Duration.ofDays(5)).plus(SLA.minusHours(10)),
                                                MiniProgram.REVIEW_SLA)
               .expectState(program -> assertThat(program.version("1.0.0").status())
                       .isEqualTo(VersionStatus.IN_REVIEW));
    }

    @Test
    void noEscalationWhileTheDeveloperHasTheQuestion() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")), sentBy(REVIEWER, ask(QUESTION)))
               .whenTimeElapses(SLA.multipliedBy(3))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theResumedSlaStillEscalates() {
        fixture.givenCurrentTime(START)
               .andGiven(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")), sentBy(REVIEWER, ask(QUESTION)),
                                 sentBy(OWNER, answer(ANSWER)))
               .whenTimeElapses(SLA)
               .expectEvents(new ReviewEscalatedEvent(PROGRAM_ID, "1.0.0", START, SLA));
    }

    @Test
    void onlyTheOwnerAnswers() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"),
                         new InformationRequestedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), QUESTION))
               .when(answer(ANSWER), by(OTHER_DEVELOPER))
               .expectNoEvents()
               .expectException(violates(RuleCode.NOT_OWNER));
    }

    @Test
    void anAnswerNeedsAQuestion() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"))
               .when(answer(ANSWER), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_TRANSITION));
    }

    @Test
    void anotherReviewersClaimBarsTheQuestion() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"), claimed("1.0.0", OTHER_REVIEWER))
               .when(ask(QUESTION), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.CLAIMED_BY_OTHER));
    }

    @Test
    void theOwnerCannotQuestionTheirOwnVersion() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"))
               .when(ask(QUESTION), by(OWNER_AS_REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.SELF_REVIEW));
    }

    @Test
    void aQuestionNeedsText() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"))
               .when(ask("  "), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT));
    }

    @Test
    void aVersionWaitingForAnAnswerCannotBeApprovedButCanBeWithdrawn() {
        fixture.givenCurrentTime(START)
               .andGiven(registered(), submitted("1.0.0"),
                         new InformationRequestedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), QUESTION))
               .when(ProgramFixture.approve("1.0.0"), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_TRANSITION));
        newFixture().givenCurrentTime(START)
                    .andGiven(registered(), submitted("1.0.0"),
                              new InformationRequestedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), QUESTION))
                    .when(ProgramFixture.withdraw("1.0.0"), by(OWNER))
                    .expectSuccessfulHandlerExecution();
    }

    private static RequestInformationCommand ask(String text) {
        return new RequestInformationCommand(PROGRAM_ID, "1.0.0", text);
    }

    private static AnswerReviewCommand answer(String text) {
        return new AnswerReviewCommand(PROGRAM_ID, "1.0.0", text);
    }
}
