package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.approve;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.checked;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.marketplace.api.program.ApproveVersionCommand;
import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.CheckSeverity;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ReviewDecisionTest {

    private static final CheckFinding SECRET_FOUND = new CheckFinding(CheckSeverity.BLOCKING, "SECRET",
                                                                      "config.js", 2, "an AWS access key id");

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void canApproveAVersion() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "  Works as described. ", false), by(REVIEWER))
               .expectEvents(new VersionApprovedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), "Works as described."))
               .expectResultMessagePayloadMatching(satisfies(VersionView.class, view -> {
                   assertThat(view.number()).isEqualTo("1.0.0");
                   assertThat(view.status()).isEqualTo(VersionStatus.APPROVED);
                   assertThat(view.releasePercentage()).isZero();
                   assertThat(view.review().reviewer()).isEqualTo(REVIEWER.userId());
                   assertThat(view.review().outcome()).isEqualTo(ReviewOutcome.APPROVED);
                   assertThat(view.review().reasons()).isEmpty();
                   assertThat(view.review().comment()).isEqualTo("Works as described.");
                   assertThat(view.review().decidedAt()).isEqualTo(fixture.currentTime());
               }));
    }

    @Test
    void canApproveWithoutAComment() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", " ", false), by(REVIEWER))
               .expectEvents(approved("1.0.0"));
    }

    @Test
    void anAdminMayApproveAVersion() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
               .when(approve("1.0.0"), by(ADMIN))
               .expectEvents(new VersionApprovedEvent(PROGRAM_ID, "1.0.0", ADMIN.userId(), null));
    }

    @Test
    void cannotApproveWithoutTheReviewerRole() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(approve("1.0.0"), by(OTHER_DEVELOPER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }

    @Test
    void cannotApproveOwnProgram() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(approve("1.0.0"), by(Actor.of(OWNER.userId(), Role.DEVELOPER, Role.REVIEWER))),
                violates(RuleCode.SELF_REVIEW).saying("You cannot review a mini-program you own."));
    }

    @Test
    void cannotApproveWhenNotSignedIn() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(approve("1.0.0")),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotApproveAnUnknownVersion() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(approve("2.0.0"), by(REVIEWER)),
                violates(RuleCode.VERSION_NOT_FOUND).saying("Mini-program " + PROGRAM_ID + " has no version 2.0.0."));
    }

    @Test
    void cannotApproveTwice() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(approve("1.0.0"), by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying(containsString("it is APPROVED")));
    }

    @Test
    void cannotApproveAReleasedVersion() {
        refused(fixture.given(withApproved("1.0.0"))
                       .andGiven(released("1.0.0", 100))
                       .when(approve("1.0.0"), by(REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying(containsString("it is RELEASED")));
    }

    @Test
    void cannotApproveWithAnOverlongComment() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "c".repeat(2001), false), by(REVIEWER)),
                violates(RuleCode.INVALID_INPUT, "comment").saying(startsWith("comment: ")));
    }

    @Test
    void cannotApproveWhileThePackageChecksRun() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(approve("1.0.0"), by(REVIEWER)),
                violates(RuleCode.CHECKS_PENDING).saying(containsString("still running")));
    }

    @Test
    void cannotApproveAVersionWhoseChecksFoundABlockingProblem() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0", SECRET_FOUND))
                       .when(approve("1.0.0"), by(REVIEWER)),
                violates(RuleCode.CHECKS_FAILED).saying(containsString("1 blocking problem")));
    }

    @Test
    void canApproveAVersionWhoseChecksOnlyWarned() {
        fixture.given(registered(), submitted("1.0.0"),
                      checked("1.0.0", new CheckFinding(CheckSeverity.WARNING, "DYNAMIC_CODE", "a.js", 3, "eval")))
               .when(approve("1.0.0"), by(REVIEWER))
               .expectEvents(approved("1.0.0"));
    }

    @Test
    void anAdminMayOverrideFailedChecksSayingWhy() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0", SECRET_FOUND))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "The key is a documented test key", true),
                     by(ADMIN))
               .expectEvents(new VersionApprovedEvent(PROGRAM_ID, "1.0.0", ADMIN.userId(),
                                                      "The key is a documented test key"));
    }

    @Test
    void anOverrideNeedsAComment() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0", SECRET_FOUND))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", " ", true), by(ADMIN))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "comment"));
    }

    @Test
    void onlyAnAdminOverridesChecks() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0", SECRET_FOUND))
                       .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "Trust me", true), by(REVIEWER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("ADMIN")));
    }

    @Test
    void pendingChecksBlockEvenAnAdminsOverride() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "In a hurry", true), by(ADMIN))
               .expectNoEvents()
               .expectException(violates(RuleCode.CHECKS_PENDING));
    }
}
