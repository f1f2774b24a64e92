package dev.marketplace.query.rebuild;

import java.time.Instant;

/** A catalogue rebuild as an admin sees it: how far it got, how fast, how long it still needs. */
public record CatalogueRebuild(RebuildState state, long processed, long total, double eventsPerSecond,
                               Long estimatedSecondsLeft, String startedBy, Instant startedAt, Instant switchedAt,
                               String index, String failure) {
}
