package dev.marketplace.command.installation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.installation.InstallMiniProgramCommand;
import dev.marketplace.api.installation.InstallationId;
import dev.marketplace.api.installation.InstallationView;
import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.installation.UninstallMiniProgramCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.directory.ProgramEntry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's installation of one mini-program. It is an aggregate of its own, not part of the program, so that
 * installs of a popular program never contend for one aggregate. Rules enforced here and nowhere else:
 * <ul>
 *   <li>any signed-in user installs and uninstalls, but only for themself: the installation id must be the
 *       actor's own {@link InstallationId} for the program;</li>
 *   <li>only a LIVE program is installed ({@link ProgramDirectory}); uninstalling is allowed whatever the program's
 *       status, so a suspended or delisted program can always be removed;</li>
 *   <li>both are idempotent: installing an installed program or uninstalling one that is not installed stores
 *       nothing, so an install count counts each user once. The idempotency check comes before the status check,
 *       so a retried install succeeds even if the program was suspended in between.</li>
 * </ul>
 * Every handler returns the installation as the command left it, so a client reads its own write at once.
 */
@Aggregate
public class Installation {

    @AggregateIdentifier
    private String id;
    private String programId;
    private String userId;
    private boolean installed;

    protected Installation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public InstallationView handle(InstallMiniProgramCommand command, Actor actor, ProgramDirectory directory) {
        requireOwnInstallation(command.installationId(), command.programId(), actor);
        if (installed) {
            return toView();
        }
        ProgramEntry program = directory.find(command.programId()).orElseThrow(
                () -> new RuleViolation(RuleCode.PROGRAM_NOT_FOUND,
                                        "No mini-program with id " + command.programId() + "."));
        if (!program.isLive()) {
            throw new RuleViolation(RuleCode.NOT_LIVE, "Mini-program " + command.programId() + " is " + program.status()
                                                       + "; only a LIVE mini-program can be installed.");
        }
        apply(new MiniProgramInstalledEvent(command.installationId(), command.programId(), actor.userId()));
        return toView();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public InstallationView handle(UninstallMiniProgramCommand command, Actor actor) {
        requireOwnInstallation(command.installationId(), command.programId(), actor);
        if (!installed) {
            // A fresh aggregate has no state yet: answer from the command, which the check above vouched for.
            return new InstallationView(command.installationId(), command.programId(), actor.userId(), false);
        }
        apply(new MiniProgramUninstalledEvent(id, programId, userId));
        return toView();
    }

    @EventSourcingHandler
    void on(MiniProgramInstalledEvent event) {
        id = event.installationId();
        programId = event.programId();
        userId = event.userId();
        installed = true;
    }

    @EventSourcingHandler
    void on(MiniProgramUninstalledEvent event) {
        installed = false;
    }

    private static void requireOwnInstallation(String installationId, String programId, Actor actor) {
        InstallationId.FORM.requireOwn(installationId, "programId", programId, actor,
                                       "You can only install or uninstall mini-programs for yourself.");
    }

    private InstallationView toView() {
        return new InstallationView(id, programId, userId, installed);
    }
}
