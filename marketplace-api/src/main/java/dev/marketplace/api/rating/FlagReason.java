package dev.marketplace.api.rating;

/** Why a user reports a rating to the reviewers. */
public enum FlagReason {
    SPAM,
    OFFENSIVE,
    OFF_TOPIC,
    CONFLICT_OF_INTEREST,
    OTHER
}
