package dev.marketplace.api.program;

/** The life of one submitted version, from review to release and beyond. */
public enum VersionStatus {
    IN_REVIEW,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    RELEASED,
    SUPERSEDED
}
