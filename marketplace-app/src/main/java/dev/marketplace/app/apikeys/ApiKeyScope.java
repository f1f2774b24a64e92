package dev.marketplace.app.apikeys;

/** What a CI job's API key may do; nothing else is open to a key (no review, release or key management). */
public enum ApiKeyScope {
    /** {@code POST /packages}. */
    UPLOAD_PACKAGE,
    /** The {@code submitVersion} mutation. */
    SUBMIT_VERSION,
    /** Queries and subscriptions, and {@code GET /packages/{digest}}; never the key or webhook lists. */
    READ
}
