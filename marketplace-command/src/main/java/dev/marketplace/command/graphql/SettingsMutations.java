package dev.marketplace.command.graphql;

import dev.marketplace.api.settings.SearchHistory;
import dev.marketplace.api.settings.SetSearchHistoryCommand;
import dev.marketplace.api.settings.UserSettingsId;
import dev.marketplace.api.settings.UserSettingsView;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The signed-in user's own settings; the settings id is made here from the principal, never taken from a client. */
@Controller
@PreAuthorize("isAuthenticated()")
class SettingsMutations {

    private final CommandGateway commands;

    SettingsMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CompletableFuture<UserSettingsView> updateMySettings(@Argument Map<String, Object> input, Principal principal) {
        Object searchHistory = input.get("searchHistory");
        return commands.send(new SetSearchHistoryCommand(UserSettingsId.of(principal.getName()),
                searchHistory == null ? null : SearchHistory.valueOf(searchHistory.toString())));
    }
}
