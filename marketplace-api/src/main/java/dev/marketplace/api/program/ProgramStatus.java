package dev.marketplace.api.program;

/** Where a mini-program stands: DRAFT until a version is released, LIVE in the catalogue, or taken out of it. */
public enum ProgramStatus {
    DRAFT,
    LIVE,
    SUSPENDED,
    DELISTED
}
