package dev.marketplace.query.timetravel;

import dev.marketplace.query.catalogue.search.RankingWeights;
import java.time.Instant;
import java.util.List;

/** A ranking backtest as an admin sees it: its period and candidate weights, its progress, then its figures. */
public record RankingBacktest(String id, BacktestState state, String startedBy, Instant startedAt,
                              Instant finishedAt, Instant from, Instant to, RankingWeights weights, long sessions,
                              long evaluated, double sessionsPerSecond, BacktestFigures thenInForce,
                              BacktestFigures candidate, List<BacktestQueryChange> changedQueries, String failure) {
}
