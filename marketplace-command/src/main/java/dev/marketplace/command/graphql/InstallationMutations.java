package dev.marketplace.command.graphql;

import dev.marketplace.api.installation.InstallMiniProgramCommand;
import dev.marketplace.api.installation.InstallationId;
import dev.marketplace.api.installation.InstallationView;
import dev.marketplace.api.installation.UninstallMiniProgramCommand;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Translates the install mutations into commands for the signed-in user's own installation; the aggregate's answer
 * is the response. The installation id is made here from the principal, never taken from the client.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class InstallationMutations {

    private final CommandGateway commands;

    InstallationMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CompletableFuture<InstallationView> installMiniProgram(@Argument String id, Principal principal) {
        String programId = Ids.program("id", id);
        return commands.send(new InstallMiniProgramCommand(installationId(programId, principal), programId));
    }

    @MutationMapping
    CompletableFuture<InstallationView> uninstallMiniProgram(@Argument String id, Principal principal) {
        String programId = Ids.program("id", id);
        return commands.send(new UninstallMiniProgramCommand(installationId(programId, principal), programId));
    }

    private static String installationId(String programId, Principal principal) {
        return new InstallationId(programId, principal.getName()).value();
    }
}
