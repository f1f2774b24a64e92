package dev.marketplace.api.settings;

/** Whether a user's searches and what they chose from them are recorded (pseudonymously) for ranking backtests. */
public enum SearchHistory {
    ON, OFF
}
