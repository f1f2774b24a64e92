package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OTHER_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.OWNER_AS_REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.approve;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.checked;
import static dev.marketplace.command.program.ProgramFixture.claim;
import static dev.marketplace.command.program.ProgramFixture.claimed;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.reject;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.versionIn;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/** Claiming a review, and how a claim limits who decides the version. */
class ClaimReviewTest {

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void aReviewerCanClaimAVersionInReview() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
               .when(claim("1.0.0"), by(REVIEWER))
               .expectEvents(claimed("1.0.0", REVIEWER))
               .expectResultMessagePayloadMatching(heldBy(REVIEWER.userId()));
    }

    @Test
    void claimingAgainIsANoOpForTheClaimant() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", REVIEWER))
               .when(claim("1.0.0"), by(REVIEWER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayloadMatching(heldBy(REVIEWER.userId()));
    }

    @Test
    void cannotClaimAVersionAnotherReviewerHolds() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", REVIEWER))
                       .when(claim("1.0.0"), by(OTHER_REVIEWER)),
                violates(RuleCode.CLAIMED_BY_OTHER)
                        .saying("Version 1.0.0 is claimed by reviewer " + REVIEWER.userId() + "."));
    }

    @Test
    void anAdminCanTakeOverAClaim() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", REVIEWER))
               .when(claim("1.0.0"), by(ADMIN))
               .expectEvents(claimed("1.0.0", ADMIN))
               .expectResultMessagePayloadMatching(heldBy(ADMIN.userId()));
    }

    @Test
    void cannotClaimAReviewOfOwnProgram() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(claim("1.0.0"), by(OWNER_AS_REVIEWER)),
                violates(RuleCode.SELF_REVIEW).saying("You cannot review a mini-program you own."));
    }

    @Test
    void cannotClaimWithoutTheReviewerRole() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(claim("1.0.0"), by(OTHER_DEVELOPER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("REVIEWER")));
    }

    @Test
    void cannotClaimADecidedVersion() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(claim("1.0.0"), by(OTHER_REVIEWER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot claim version 1.0.0: it is APPROVED."));
    }

    @Test
    void cannotClaimAnUnknownVersion() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"))
                       .when(claim("9.9.9"), by(REVIEWER)),
                violates(RuleCode.VERSION_NOT_FOUND).saying(containsString("has no version 9.9.9")));
    }

    @Test
    void theClaimantCanApprove() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", REVIEWER))
               .when(approve("1.0.0"), by(REVIEWER))
               .expectEvents(approved("1.0.0"))
               .expectResultMessagePayloadMatching(versionIn("1.0.0", VersionStatus.APPROVED));
    }

    @Test
    void cannotApproveAVersionAnotherReviewerClaimed() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", OTHER_REVIEWER))
                       .when(approve("1.0.0"), by(REVIEWER)),
                violates(RuleCode.CLAIMED_BY_OTHER)
                        .saying("Version 1.0.0 is claimed by reviewer " + OTHER_REVIEWER.userId() + "."));
    }

    @Test
    void cannotRejectAVersionAnotherReviewerClaimed() {
        refused(fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", OTHER_REVIEWER))
                       .when(reject("1.0.0", RejectionReason.CRASHES), by(REVIEWER)),
                violates(RuleCode.CLAIMED_BY_OTHER)
                        .saying("Version 1.0.0 is claimed by reviewer " + OTHER_REVIEWER.userId() + "."));
    }

    @Test
    void anAdminMayApproveAVersionAReviewerClaimed() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", REVIEWER))
               .when(approve("1.0.0"), by(ADMIN))
               .expectEvents(new VersionApprovedEvent(PROGRAM_ID, "1.0.0", ADMIN.userId(), null))
               .expectResultMessagePayloadMatching(versionIn("1.0.0", VersionStatus.APPROVED));
    }

    @Test
    void anAdminMayRejectAVersionAReviewerClaimed() {
        fixture.given(registered(), submitted("1.0.0"), checked("1.0.0"), claimed("1.0.0", REVIEWER))
               .when(reject("1.0.0", RejectionReason.CRASHES), by(ADMIN))
               .expectEvents(new VersionRejectedEvent(PROGRAM_ID, "1.0.0", ADMIN.userId(),
                                                      List.of(RejectionReason.CRASHES), null))
               .expectResultMessagePayloadMatching(versionIn("1.0.0", VersionStatus.REJECTED));
    }

    private static Matcher<VersionView> heldBy(String reviewer) {
        return satisfies(VersionView.class, view -> {
            assertThat(view.status()).isEqualTo(VersionStatus.IN_REVIEW);
            assertThat(view.review().reviewer()).isEqualTo(reviewer);
            assertThat(view.review().outcome()).isNull();
            assertThat(view.review().decidedAt()).isNull();
        });
    }
}
