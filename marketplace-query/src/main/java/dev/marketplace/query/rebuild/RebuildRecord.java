package dev.marketplace.query.rebuild;

import java.time.Instant;

/**
 * The one row that says what the cluster's catalogue rebuild is doing.
 *
 * @param buildingIndex the new index, written through the building alias until it takes over
 * @param oldIndex      the indices the read alias named before the switch, deleted after the grace period
 * @param total         the event stream's head position when the rebuild started
 */
record RebuildRecord(RebuildState state, String buildingIndex, String oldIndex, String startedBy, Instant startedAt,
                     long total, Instant switchedAt, String failure) {
}
