package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.claimed;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.sentBy;
import static dev.marketplace.command.program.ProgramFixture.submit;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.versionIn;
import static dev.marketplace.command.program.ProgramFixture.withdraw;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.rules.RuleCode;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WithdrawVersionTest {

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void theOwnerCanWithdrawAVersionInReview() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(withdraw("1.0.0"), by(OWNER))
               .expectEvents(withdrawn("1.0.0"))
               .expectResultMessagePayloadMatching(versionIn("1.0.0", VersionStatus.WITHDRAWN));
    }

    @Test
    void theOwnerCanWithdrawAVersionAReviewerClaimed() {
        fixture.given(registered(), submitted("1.0.0"), claimed("1.0.0", REVIEWER))
               .when(withdraw("1.0.0"), by(OWNER))
               .expectEvents(withdrawn("1.0.0"))
               .expectResultMessagePayloadMatching(versionIn("1.0.0", VersionStatus.WITHDRAWN));
    }

    @Test
    void anAdminMayWithdrawSomeoneElsesVersion() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(withdraw("1.0.0"), by(ADMIN))
               .expectEvents(withdrawn("1.0.0"));
    }

    @Test
    void withdrawingCancelsTheReviewSla() {
        fixture.given(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .when(withdraw("1.0.0"), by(OWNER))
               .expectEvents(withdrawn("1.0.0"))
               .expectNoScheduledDeadlineWithName(ProgramFixture.POLICY.reviewSla(), MiniProgram.REVIEW_SLA)
               .expectNoScheduledDeadlines();
    }

    static Stream<Arguments> decidedVersions() {
        return Stream.of(
                arguments(List.of(approved("1.0.0")), "APPROVED"),
                arguments(List.of(new VersionRejectedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(),
                                                           List.of(RejectionReason.CRASHES), null)), "REJECTED"),
                arguments(List.of(approved("1.0.0"), released("1.0.0", 100)), "RELEASED"),
                arguments(List.of(withdrawn("1.0.0")), "WITHDRAWN"));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("decidedVersions")
    void cannotWithdrawAVersionNoLongerInReview(List<Object> decision, String status) {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .andGiven(decision)
                       .when(withdraw("1.0.0"), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot withdraw version 1.0.0: it is " + status + "."));
    }

    @Test
    void cannotWithdrawSomeoneElsesVersion() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(withdraw("1.0.0"), by(OTHER_DEVELOPER)),
                violates(RuleCode.NOT_OWNER).saying(containsString("owns this mini-program")));
    }

    @Test
    void aReviewerCannotWithdrawAVersion() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(withdraw("1.0.0"), by(REVIEWER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("DEVELOPER")));
    }

    @Test
    void cannotWithdrawAnUnknownVersion() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(withdraw("1.0.1"), by(OWNER)),
                violates(RuleCode.VERSION_NOT_FOUND).saying("Mini-program " + PROGRAM_ID + " has no version 1.0.1."));
    }

    private static VersionWithdrawnEvent withdrawn(String version) {
        return new VersionWithdrawnEvent(PROGRAM_ID, version);
    }
}
