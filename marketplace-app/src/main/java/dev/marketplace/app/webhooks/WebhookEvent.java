package dev.marketplace.app.webhooks;

/** What an endpoint can subscribe to; CHECKS_FINISHED is sent when a version's package checks have run. */
public enum WebhookEvent {
    VERSION_SUBMITTED,
    CHECKS_FINISHED,
    VERSION_APPROVED,
    VERSION_REJECTED,
    INFORMATION_REQUESTED,
    VERSION_RELEASED,
    REVIEW_ESCALATED,
    PROGRAM_SUSPENDED,
    PROGRAM_REINSTATED
}
