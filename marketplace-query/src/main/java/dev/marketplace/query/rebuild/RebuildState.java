package dev.marketplace.query.rebuild;

/** Where a catalogue rebuild is: building, handing over to the new index, finished, or given up. */
public enum RebuildState {
    RUNNING, SWITCHING, DONE, FAILED;

    boolean isActive() {
        return this == RUNNING || this == SWITCHING;
    }
}
