package dev.marketplace.query.subscription;

/**
 * Follows the versions of one program: a subscription query whose updates are {@link VersionChange}s. Its initial
 * result is empty; only changes after subscribing are sent.
 */
public record FindVersionUpdatesQuery(String programId) {
}
