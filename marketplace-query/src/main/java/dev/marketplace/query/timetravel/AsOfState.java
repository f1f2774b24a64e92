package dev.marketplace.query.timetravel;

/** Where the index of a catalogue as of an instant is: still being built, answering, or given up. */
public enum AsOfState {
    BUILDING, READY, FAILED
}
