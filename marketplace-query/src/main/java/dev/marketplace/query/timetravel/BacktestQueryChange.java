package dev.marketplace.query.timetravel;

/**
 * How much the candidate moved what people installed after one query: the installed programs' mean place under the
 * weights then in force and under the candidate (101 when not in the first 100); {@code change} is the first minus
 * the second, so positive means the candidate put them higher.
 */
public record BacktestQueryChange(String query, long sessions, double meanRankThen, double meanRankCandidate,
                                  double change) {
}
