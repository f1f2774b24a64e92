package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.programIn;
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
import static org.hamcrest.Matchers.containsString;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.RollbackReleaseCommand;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RollbackReleaseTest {

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void theOwnerCanRollBackToTheVersionReleasedBefore() {
        fixture.given(withReleased("1.0.0", "1.1.0"))
               .when(rollback("1.0.0"), by(OWNER))
               .expectEvents(new ReleaseRolledBackEvent(PROGRAM_ID, "1.1.0", "1.0.0"))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.LIVE, "1.0.0"))
               .expectResultMessagePayloadMatching(satisfies(MiniProgramView.class, view -> {
                   assertThat(versionStatuses(view)).containsExactly(entry("1.0.0", VersionStatus.RELEASED),
                                                                     entry("1.1.0", VersionStatus.SUPERSEDED));
                   assertThat(view.versions()).extracting(VersionView::releasePercentage).containsExactly(100, 100);
               }));
    }

    @Test
    void aRollbackAlsoWithdrawsAPhasedReleaseAndItsTimeout() {
        rollBackToFirstDuringPhasedRelease(withReleased("1.0.0", "1.1.0"), "1.2.0", 10)
                .expectResultMessagePayloadMatching(usersGetFirstAgain(entry("1.0.0", VersionStatus.RELEASED),
                                                                       entry("1.1.0", VersionStatus.SUPERSEDED),
                                                                       entry("1.2.0", VersionStatus.SUPERSEDED)));
    }

    @Test
    void rollingBackToTheCurrentVersionStopsAPhasedReleaseForEveryoneInIt() {
        rollBackToFirstDuringPhasedRelease(withReleased("1.0.0"), "1.1.0", 20)
                .expectResultMessagePayloadMatching(usersGetFirstAgain(entry("1.0.0", VersionStatus.RELEASED),
                                                                       entry("1.1.0", VersionStatus.SUPERSEDED)));
    }

    @Test
    void canRollBackMoreThanOneVersion() {
        fixture.given(withReleased("1.0.0", "1.1.0", "1.2.0"))
               .when(rollback("1.0.0"), by(OWNER))
               .expectEvents(new ReleaseRolledBackEvent(PROGRAM_ID, "1.2.0", "1.0.0"))
               .expectResultMessagePayloadMatching(programIn(ProgramStatus.LIVE, "1.0.0"));
    }

    @Test
    void anAdminMayRollBackSomeoneElsesProgram() {
        fixture.given(withReleased("1.0.0", "1.1.0"))
               .when(rollback("1.0.0"), by(ADMIN))
               .expectEvents(new ReleaseRolledBackEvent(PROGRAM_ID, "1.1.0", "1.0.0"));
    }

    @Test
    void cannotRollBackToTheCurrentVersion() {
        fixture.given(withReleased("1.0.0", "1.1.0"))
               .when(rollback("1.1.0"), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_TRANSITION))
               .expectExceptionMessage("Cannot roll back to version 1.1.0: only an earlier version that was released "
                                       + "before can be restored (it is RELEASED).");
    }

    // After a rollback to 1.0.0 the newer 1.1.0 is superseded, but going forward again takes a new version.
    @Test
    void cannotRollBackToANewerVersion() {
        refused(fixture.given(withReleased("1.0.0", "1.1.0"))
                       .andGiven(new ReleaseRolledBackEvent(PROGRAM_ID, "1.1.0", "1.0.0"))
                       .when(rollback("1.1.0"), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying(containsString("(it is SUPERSEDED)")));
    }

    @Test
    void cannotRollBackToAVersionInAPhasedRelease() {
        refused(fixture.given(withReleased("1.0.0"))
                       .andGiven(submitted("1.1.0"), approved("1.1.0"), released("1.1.0", 10))
                       .when(rollback("1.1.0"), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying(containsString("(it is RELEASED)")));
    }

    @Test
    void cannotRollBackToAVersionThatWasNeverReleased() {
        refused(fixture.given(withApproved("1.0.0", "1.1.0"))
                       .andGiven(released("1.1.0", 100))
                       .when(rollback("1.0.0"), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying(containsString("(it is APPROVED)")));
    }

    @Test
    void cannotRollBackADraftProgram() {
        refused(fixture.given(withApproved("1.0.0"))
                       .when(rollback("1.0.0"), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot roll back: the program is DRAFT."));
    }

    @Test
    void cannotRollBackASuspendedProgram() {
        refused(fixture.given(withReleased("1.0.0", "1.1.0"))
                       .andGiven(suspended())
                       .when(rollback("1.0.0"), by(OWNER)),
                violates(RuleCode.INVALID_TRANSITION).saying("Cannot roll back: the program is SUSPENDED."));
    }

    @Test
    void cannotRollBackSomeoneElsesProgram() {
        refused(fixture.given(withReleased("1.0.0", "1.1.0"))
                       .when(rollback("1.0.0"), by(OTHER_DEVELOPER)),
                violates(RuleCode.NOT_OWNER).saying(containsString("owns this mini-program")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.9.0", "1.0", ""})
    void cannotRollBackToAnUnknownVersion(String version) {
        refused(fixture.given(withReleased("1.0.0", "1.1.0"))
                       .when(rollback(version), by(OWNER)),
                violates(RuleCode.VERSION_NOT_FOUND).saying(containsString("has no version " + version + ".")));
    }

    private static RollbackReleaseCommand rollback(String toVersion) {
        return new RollbackReleaseCommand(PROGRAM_ID, toVersion);
    }

    /**
     * Over {@code history}, {@code phased} is approved and released to {@code percentage}% (its timeout scheduled),
     * then the owner rolls back to 1.0.0: the rollback is stored from 1.1.0, and no timeout is left.
     */
    private ResultValidator<MiniProgram> rollBackToFirstDuringPhasedRelease(List<Object> history, String phased,
                                                                          int percentage) {
        return fixture.given(history)
                      .andGiven(submitted(phased), approved(phased))
                      .andGivenCommands(sentBy(OWNER, release(phased, percentage)))
                      .when(rollback("1.0.0"), by(OWNER))
                      .expectEvents(new ReleaseRolledBackEvent(PROGRAM_ID, "1.1.0", "1.0.0"))
                      .expectNoScheduledDeadlines();
    }

    /** A command's answer: users get 1.0.0 again, and the versions are in {@code statuses}, in submission order. */
    @SafeVarargs
    private static Matcher<MiniProgramView> usersGetFirstAgain(Map.Entry<String, VersionStatus>... statuses) {
        return satisfies(MiniProgramView.class, view -> {
            assertThat(view.currentVersion()).isEqualTo("1.0.0");
            assertThat(versionStatuses(view)).containsExactly(statuses);
        });
    }
}
