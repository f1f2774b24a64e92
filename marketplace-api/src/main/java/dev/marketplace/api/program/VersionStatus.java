package dev.marketplace.api.program;

/** The life of one submitted version, from review to release and beyond. */
public enum VersionStatus {
    IN_REVIEW,
    /** A reviewer asked the developer a question; the review waits for the answer and its SLA is paused. */
    INFORMATION_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    RELEASED,
    SUPERSEDED
}
