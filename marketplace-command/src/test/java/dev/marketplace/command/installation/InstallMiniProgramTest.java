package dev.marketplace.command.installation;

import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.installation.InstallationFixture.INSTALLATION_ID;
import static dev.marketplace.command.installation.InstallationFixture.OTHER_USER;
import static dev.marketplace.command.installation.InstallationFixture.PROGRAM_ID;
import static dev.marketplace.command.installation.InstallationFixture.USER;
import static dev.marketplace.command.installation.InstallationFixture.by;
import static dev.marketplace.command.installation.InstallationFixture.install;
import static dev.marketplace.command.installation.InstallationFixture.installed;
import static dev.marketplace.command.installation.InstallationFixture.newFixture;
import static dev.marketplace.command.installation.InstallationFixture.uninstalled;
import static dev.marketplace.command.installation.InstallationFixture.view;
import static org.hamcrest.Matchers.containsString;

import dev.marketplace.api.installation.InstallMiniProgramCommand;
import dev.marketplace.api.installation.InstallationId;
import dev.marketplace.api.installation.InstallationView;
import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class InstallMiniProgramTest {

    private final AggregateTestFixture<Installation> fixture = newFixture(ProgramStatus.LIVE);

    @Test
    void canInstallALiveProgram() {
        fixture.givenNoPriorActivity()
               .when(install(), by(USER))
               .expectEvents(installed())
               .expectResultMessagePayload(view(true));
    }

    static Stream<Actor> signedInUsersOfEveryRole() {
        return Stream.of(Actor.of("u-none"), Actor.of("u-dev", Role.DEVELOPER), Actor.of("u-rev", Role.REVIEWER),
                         Actor.of("u-admin", Role.ADMIN));
    }

    @ParameterizedTest
    @MethodSource("signedInUsersOfEveryRole")
    void anySignedInUserMayInstallForThemself(Actor actor) {
        String installationId = new InstallationId(PROGRAM_ID, actor.userId()).value();
        fixture.givenNoPriorActivity()
               .when(new InstallMiniProgramCommand(installationId, PROGRAM_ID), by(actor))
               .expectEvents(new MiniProgramInstalledEvent(installationId, PROGRAM_ID, actor.userId()))
               .expectResultMessagePayload(new InstallationView(installationId, PROGRAM_ID, actor.userId(), true));
    }

    @Test
    void canInstallAgainAfterUninstalling() {
        fixture.given(installed(), uninstalled())
               .when(install(), by(USER))
               .expectEvents(installed())
               .expectResultMessagePayload(view(true));
    }

    @Test
    void installingAnInstalledProgramStoresNothing() {
        fixture.given(installed())
               .when(install(), by(USER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(view(true));
    }

    @Test
    void installingAgainAfterTheProgramWasSuspendedStoresNothing() {
        newFixture(ProgramStatus.SUSPENDED)
                .given(installed())
                .when(install(), by(USER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(view(true));
    }

    @Test
    void cannotInstallWhenNotSignedIn() {
        fixture.givenNoPriorActivity()
               .when(install())
               .expectNoEvents()
               .expectException(violates(RuleCode.UNAUTHENTICATED))
               .expectExceptionMessage("Sign in to do this.");
    }

    @Test
    void cannotInstallForSomeoneElse() {
        fixture.givenNoPriorActivity()
               .when(install(), by(OTHER_USER))
               .expectNoEvents()
               .expectException(violates(RuleCode.NOT_OWNER))
               .expectExceptionMessage("You can only install or uninstall mini-programs for yourself.");
    }

    @Test
    void cannotInstallWithoutAProgramId() {
        fixture.givenNoPriorActivity()
               .when(new InstallMiniProgramCommand(INSTALLATION_ID, null), by(USER))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "programId"))
               .expectExceptionMessage("programId: 'null' is not a mini-program id");
    }

    @Test
    void cannotInstallAnUnknownProgram() {
        String installationId = new InstallationId("prog-x", USER.userId()).value();
        fixture.givenNoPriorActivity()
               .when(new InstallMiniProgramCommand(installationId, "prog-x"), by(USER))
               .expectNoEvents()
               .expectException(violates(RuleCode.PROGRAM_NOT_FOUND))
               .expectExceptionMessage("No mini-program with id prog-x.");
    }

    @ParameterizedTest
    @EnumSource(value = ProgramStatus.class, names = "LIVE", mode = EnumSource.Mode.EXCLUDE)
    void cannotInstallAProgramThatIsNotLive(ProgramStatus status) {
        newFixture(status)
                .givenNoPriorActivity()
                .when(install(), by(USER))
                .expectNoEvents()
                .expectException(violates(RuleCode.NOT_LIVE))
                .expectExceptionMessage("Mini-program " + PROGRAM_ID + " is " + status
                                        + "; only a LIVE mini-program can be installed.");
    }

    @Test
    void cannotReinstallAProgramThatIsNoLongerLive() {
        newFixture(ProgramStatus.DELISTED)
                .given(installed(), uninstalled())
                .when(install(), by(USER))
                .expectNoEvents()
                .expectException(violates(RuleCode.NOT_LIVE))
                .expectExceptionMessage(containsString("is DELISTED"));
    }
}
