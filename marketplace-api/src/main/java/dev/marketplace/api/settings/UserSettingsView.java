package dev.marketplace.api.settings;

/** A user's own settings. */
public record UserSettingsView(SearchHistory searchHistory) {
}
