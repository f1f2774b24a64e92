package dev.marketplace.query.history;

import java.util.List;

/** A run of consecutive history entries and whether the program has more events after them. */
public record HistoryPage(List<HistoryEntry> entries, boolean hasNextPage) {
}
