package dev.marketplace.command.settings;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.settings.SearchHistory;
import dev.marketplace.api.settings.SearchHistorySetEvent;
import dev.marketplace.api.settings.SetSearchHistoryCommand;
import dev.marketplace.api.settings.UserSettingsId;
import dev.marketplace.api.settings.UserSettingsView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's own settings. Rules: only the user changes them (the id is made from the signed-in user); search history
 * is ON until they turn it OFF; setting what is already set stores nothing.
 */
@Aggregate
public class UserSettings {

    @AggregateIdentifier
    private String id;
    private SearchHistory searchHistory = SearchHistory.ON;

    protected UserSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public UserSettingsView handle(SetSearchHistoryCommand command, Actor actor) {
        if (!UserSettingsId.of(actor.userId()).equals(command.settingsId())) {
            throw new RuleViolation(RuleCode.NOT_OWNER, "Only a user changes their own settings.");
        }
        if (command.searchHistory() == null) {
            throw RuleViolation.invalid("searchHistory", "must be ON or OFF");
        }
        if (command.searchHistory() != searchHistory || id == null) {
            apply(new SearchHistorySetEvent(command.settingsId(), actor.userId(), command.searchHistory()));
        }
        return new UserSettingsView(command.searchHistory());
    }

    @EventSourcingHandler
    void on(SearchHistorySetEvent event) {
        id = event.settingsId();
        searchHistory = event.searchHistory();
    }
}
