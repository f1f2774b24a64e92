package dev.marketplace.api.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user turns the recording of their own searches on or off. The id is {@link UserSettingsId#of(String)}. */
public record SetSearchHistoryCommand(@TargetAggregateIdentifier String settingsId, SearchHistory searchHistory) {
}
