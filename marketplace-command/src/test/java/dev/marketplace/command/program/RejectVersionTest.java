package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.OWNER_AS_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.reject;
import static dev.marketplace.command.program.ProgramFixture.sentBy;
import static dev.marketplace.command.program.ProgramFixture.submit;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.versionIn;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.RejectVersionCommand;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RejectVersionTest {

    private static final List<RejectionReason> REASONS = List.of(RejectionReason.CRASHES,
                                                                 RejectionReason.PERMISSIONS_NOT_JUSTIFIED);

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void aReviewerCanRejectAVersionWithReasons() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(rejecting(REASONS, "  Crashes when the camera opens. "), by(REVIEWER))
               .expectEvents(rejected(REASONS, "Crashes when the camera opens."))
               .expectResultMessagePayloadMatching(satisfies(VersionView.class, view -> {
                   assertThat(view.status()).isEqualTo(VersionStatus.REJECTED);
                   assertThat(view.review().reviewer()).isEqualTo(REVIEWER.userId());
                   assertThat(view.review().outcome()).isEqualTo(ReviewOutcome.REJECTED);
                   assertThat(view.review().reasons()).isEqualTo(REASONS);
                   assertThat(view.review().comment()).isEqualTo("Crashes when the camera opens.");
                   assertThat(view.review().decidedAt()).isEqualTo(fixture.currentTime());
               }));
    }

    @Test
    void canRejectWithoutACommentUnlessTheReasonIsOther() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(reject("1.0.0", RejectionReason.CRASHES), by(REVIEWER))
               .expectEvents(rejected(List.of(RejectionReason.CRASHES), null))
               .expectResultMessagePayloadMatching(versionIn("1.0.0", VersionStatus.REJECTED));
    }

    @Test
    void canRejectForAnOtherReasonThatTheCommentExplains() {
        List<RejectionReason> other = List.of(RejectionReason.OTHER);
        fixture.given(registered(), submitted("1.0.0"))
               .when(rejecting(other, "Shows a test page only."), by(REVIEWER))
               .expectEvents(rejected(other, "Shows a test page only."));
    }

    @Test
    void rejectingCancelsTheReviewSla() {
        fixture.given(registered())
               .andGivenCommands(sentBy(OWNER, submit("1.0.0")))
               .when(reject("1.0.0", RejectionReason.CRASHES), by(REVIEWER))
               .expectEvents(rejected(List.of(RejectionReason.CRASHES), null))
               .expectNoScheduledDeadlines();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void cannotRejectWithoutAReason(List<RejectionReason> reasons) {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(rejecting(reasons, "Crashes"), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "reasons")
                        .saying("reasons: name at least one reason for the rejection"));
    }

    static Stream<Arguments> malformedReasons() {
        return Stream.of(
                arguments(List.of(RejectionReason.CRASHES, RejectionReason.CRASHES), "each entry may appear once"),
                arguments(Arrays.asList(RejectionReason.CRASHES, null), "must not contain empty entries"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("malformedReasons")
    void cannotRejectWithMalformedReasons(List<RejectionReason> reasons, String problem) {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(rejecting(reasons, null), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "reasons").saying("reasons: " + problem));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void cannotRejectForAnOtherReasonWithoutAComment(String comment) {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(rejecting(List.of(RejectionReason.CRASHES, RejectionReason.OTHER), comment), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "comment")
                        .saying("comment: is required when the reasons include OTHER"));
    }

    @Test
    void cannotRejectWithAnOverlongComment() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(rejecting(REASONS, "c".repeat(2001)), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "comment").saying(containsString("not 2001")));
    }

    @Test
    void cannotRejectADecidedVersion() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(reject("1.0.0", RejectionReason.CRASHES), by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot reject version 1.0.0: it is APPROVED."));
    }

    @Test
    void cannotRejectOwnProgram() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(reject("1.0.0", RejectionReason.CRASHES), by(OWNER_AS_REVIEWER)),
                violates(RuleCode.SELF_REVIEW).saying("You cannot review a mini-program you own."));
    }

    @Test
    void cannotRejectWithoutTheReviewerRole() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(reject("1.0.0", RejectionReason.CRASHES), by(OTHER_DEVELOPER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }

    private static RejectVersionCommand rejecting(List<RejectionReason> reasons, String comment) {
        return new RejectVersionCommand(PROGRAM_ID, "1.0.0", reasons, comment);
    }

    private static VersionRejectedEvent rejected(List<RejectionReason> reasons, String comment) {
        return new VersionRejectedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), reasons, comment);
    }
}
