package dev.marketplace.query.timetravel;

import java.time.Instant;

/**
 * The index an answer about the catalogue as of an instant comes from, as GraphQL shows it.
 *
 * @param at           the instant the index holds the catalogue of (the first instant it was built for)
 * @param index        the Elasticsearch index, named by no alias
 * @param processed    events read so far; {@code total} is about how many there are up to the instant
 * @param builtAt      when the build finished; null while it runs
 * @param buildSeconds how long the build took (so far, while it runs)
 */
public record CatalogueAsOf(Instant at, String index, AsOfState state, long processed, long total, Instant startedAt,
                            Instant builtAt, double buildSeconds, String failure) {
}
