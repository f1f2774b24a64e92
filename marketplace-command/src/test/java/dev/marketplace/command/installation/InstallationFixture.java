package dev.marketplace.command.installation;

import dev.marketplace.api.installation.InstallMiniProgramCommand;
import dev.marketplace.api.installation.InstallationId;
import dev.marketplace.api.installation.InstallationView;
import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.installation.UninstallMiniProgramCommand;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.directory.ProgramEntry;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The sample program, people and messages that the {@link Installation} fixture tests share. Its program directory
 * is an in-memory stand-in that knows exactly one program, in the status the test asks for.
 */
final class InstallationFixture {

    static final String PROGRAM_ID = "prog-1";
    static final Actor USER = Actor.of("user-1", Role.USER);
    static final Actor OTHER_USER = Actor.of("user-2", Role.USER);
    static final String INSTALLATION_ID = new InstallationId(PROGRAM_ID, USER.userId()).value();

    private InstallationFixture() {
    }

    /** A fixture whose directory holds {@link #PROGRAM_ID}, owned by someone else, in {@code status}. */
    static AggregateTestFixture<Installation> newFixture(ProgramStatus status) {
        Map<String, ProgramEntry> programs = Map.of(PROGRAM_ID, new ProgramEntry(PROGRAM_ID, "dev-1", status));
        ProgramDirectory directory = programId -> Optional.ofNullable(programs.get(programId));
        AggregateTestFixture<Installation> fixture = new AggregateTestFixture<>(Installation.class);
        fixture.registerInjectableResource(directory);
        return fixture;
    }

    /** The metadata a command carries when {@code actor} sends it. */
    static Map<String, Object> by(Actor actor) {
        return ActorMetadata.of(actor);
    }

    static InstallMiniProgramCommand install() {
        return new InstallMiniProgramCommand(INSTALLATION_ID, PROGRAM_ID);
    }

    static UninstallMiniProgramCommand uninstall() {
        return new UninstallMiniProgramCommand(INSTALLATION_ID, PROGRAM_ID);
    }

    static MiniProgramInstalledEvent installed() {
        return new MiniProgramInstalledEvent(INSTALLATION_ID, PROGRAM_ID, USER.userId());
    }

    static MiniProgramUninstalledEvent uninstalled() {
        return new MiniProgramUninstalledEvent(INSTALLATION_ID, PROGRAM_ID, USER.userId());
    }

    static InstallationView view(boolean installed) {
        return new InstallationView(INSTALLATION_ID, PROGRAM_ID, USER.userId(), installed);
    }
}
