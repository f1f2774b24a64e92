package dev.marketplace.command.graphql;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.developer.UnverifyDeveloperCommand;
import dev.marketplace.api.developer.UpdateDeveloperProfileCommand;
import dev.marketplace.api.developer.VerifyDeveloperCommand;
import dev.marketplace.api.rules.RuleViolation;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Translates the developer-profile mutations into commands. The profile edited is always the caller's own (its id
 * is the signed-in user's); roles and four-eyes are the aggregate's rules.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class DeveloperMutations {

    private final CommandGateway commands;

    DeveloperMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CompletableFuture<DeveloperView> updateDeveloperProfile(@Argument DeveloperProfileInput input,
                                                            Authentication caller) {
        return commands.send(new UpdateDeveloperProfileCommand(caller.getName(), input.displayName(),
                                                               input.website(), input.contactEmail()));
    }

    @MutationMapping
    CompletableFuture<DeveloperView> verifyDeveloper(@Argument String id) {
        return commands.send(new VerifyDeveloperCommand(developerId(id)));
    }

    @MutationMapping
    CompletableFuture<DeveloperView> unverifyDeveloper(@Argument String id) {
        return commands.send(new UnverifyDeveloperCommand(developerId(id)));
    }

    private static String developerId(String id) {
        if (id == null || id.isBlank() || id.length() > 255) {
            throw RuleViolation.invalid("id", "'" + id + "' is not a developer id");
        }
        return id;
    }
}
