package dev.marketplace.query.timetravel;

import java.util.List;

/** What a finished backtest found, stored as JSON in its row. */
record BacktestResult(BacktestFigures thenInForce, BacktestFigures candidate, List<BacktestQueryChange> changedQueries) {
}
