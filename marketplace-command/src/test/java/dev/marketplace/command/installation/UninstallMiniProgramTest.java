package dev.marketplace.command.installation;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.installation.InstallationFixture.INSTALLATION_ID;
import static dev.marketplace.command.installation.InstallationFixture.OTHER_USER;
import static dev.marketplace.command.installation.InstallationFixture.USER;
import static dev.marketplace.command.installation.InstallationFixture.by;
import static dev.marketplace.command.installation.InstallationFixture.installed;
import static dev.marketplace.command.installation.InstallationFixture.newFixture;
import static dev.marketplace.command.installation.InstallationFixture.uninstall;
import static dev.marketplace.command.installation.InstallationFixture.uninstalled;
import static dev.marketplace.command.installation.InstallationFixture.view;

import dev.marketplace.api.installation.UninstallMiniProgramCommand;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UninstallMiniProgramTest {

    private final AggregateTestFixture<Installation> fixture = newFixture(ProgramStatus.LIVE);

    @Test
    void canUninstallAnInstalledProgram() {
        fixture.given(installed())
               .when(uninstall(), by(USER))
               .expectEvents(uninstalled())
               .expectResultMessagePayload(view(false));
    }

    @ParameterizedTest
    @EnumSource(ProgramStatus.class)
    void canUninstallWhateverTheProgramsStatus(ProgramStatus status) {
        newFixture(status)
                .given(installed())
                .when(uninstall(), by(USER))
                .expectEvents(uninstalled())
                .expectResultMessagePayload(view(false));
    }

    @Test
    void uninstallingAProgramNeverInstalledStoresNothing() {
        fixture.givenNoPriorActivity()
               .when(uninstall(), by(USER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(view(false));
    }

    @Test
    void uninstallingTwiceStoresNothing() {
        fixture.given(installed(), uninstalled())
               .when(uninstall(), by(USER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(view(false));
    }

    @Test
    void cannotUninstallWhenNotSignedIn() {
        refused(fixture.given(installed())
                       .when(uninstall()),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @Test
    void cannotUninstallForSomeoneElse() {
        refused(fixture.given(installed())
                       .when(uninstall(), by(OTHER_USER)),
                violates(RuleCode.NOT_OWNER).saying("You can only install or uninstall mini-programs for yourself."));
    }

    @Test
    void cannotUninstallWithoutAProgramId() {
        refused(fixture.given(installed())
                       .when(new UninstallMiniProgramCommand(INSTALLATION_ID, " "), by(USER)),
                violates(RuleCode.INVALID_INPUT, "programId").saying("programId: ' ' is not a mini-program id"));
    }
}
