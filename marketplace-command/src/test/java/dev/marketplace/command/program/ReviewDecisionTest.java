package dev.marketplace.command.program;

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
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.marketplace.api.program.ApproveVersionCommand;
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

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void canApproveAVersion() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "  Works as described. "), by(REVIEWER))
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
        fixture.given(registered(), submitted("1.0.0"))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", " "), by(REVIEWER))
               .expectEvents(approved("1.0.0"));
    }

    @Test
    void anAdminMayApproveAVersion() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(approve("1.0.0"), by(ADMIN))
               .expectEvents(new VersionApprovedEvent(PROGRAM_ID, "1.0.0", ADMIN.userId(), null));
    }

    @Test
    void cannotApproveWithoutTheReviewerRole() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(approve("1.0.0"), by(OTHER_DEVELOPER))
               .expectNoEvents()
               .expectException(violates(RuleCode.ROLE_REQUIRED))
               .expectExceptionMessage(containsString("REVIEWER"));
    }

    @Test
    void cannotApproveOwnProgram() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(approve("1.0.0"), by(Actor.of(OWNER.userId(), Role.DEVELOPER, Role.REVIEWER)))
               .expectNoEvents()
               .expectException(violates(RuleCode.SELF_REVIEW))
               .expectExceptionMessage("You cannot review a mini-program you own.");
    }

    @Test
    void cannotApproveWhenNotSignedIn() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(approve("1.0.0"))
               .expectNoEvents()
               .expectException(violates(RuleCode.UNAUTHENTICATED))
               .expectExceptionMessage("Sign in to do this.");
    }

    @Test
    void cannotApproveAnUnknownVersion() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(approve("2.0.0"), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.VERSION_NOT_FOUND))
               .expectExceptionMessage("Mini-program " + PROGRAM_ID + " has no version 2.0.0.");
    }

    @Test
    void cannotApproveTwice() {
        fixture.given(withApproved("1.0.0"))
               .when(approve("1.0.0"), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_TRANSITION))
               .expectExceptionMessage(containsString("it is APPROVED"));
    }

    @Test
    void cannotApproveAReleasedVersion() {
        fixture.given(withApproved("1.0.0"))
               .andGiven(released("1.0.0", 100))
               .when(approve("1.0.0"), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_TRANSITION))
               .expectExceptionMessage(containsString("it is RELEASED"));
    }

    @Test
    void cannotApproveWithAnOverlongComment() {
        fixture.given(registered(), submitted("1.0.0"))
               .when(new ApproveVersionCommand(PROGRAM_ID, "1.0.0", "c".repeat(2001)), by(REVIEWER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "comment"))
               .expectExceptionMessage(startsWith("comment: "));
    }
}
