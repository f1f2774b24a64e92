package dev.marketplace.api.program;

public enum ReviewOutcome {
    APPROVED,
    REJECTED
}
