package dev.marketplace.api.settings;

import org.axonframework.serialization.Revision;

/** A user's choice whether their searches are recorded, in force until the next one; ON until the first. */
@Revision("1")
public record SearchHistorySetEvent(String settingsId, String userId, SearchHistory searchHistory) {
}
