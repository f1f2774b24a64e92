package dev.marketplace.query.timetravel;

/** Where a ranking backtest is. */
public enum BacktestState {
    RUNNING, DONE, FAILED
}
