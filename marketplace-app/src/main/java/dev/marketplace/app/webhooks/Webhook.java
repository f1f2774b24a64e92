package dev.marketplace.app.webhooks;

import java.time.Instant;
import java.util.Set;

/** A developer's endpoint as its owner sees it; the secret is never part of it. */
record Webhook(String id, String ownerId, String url, Set<WebhookEvent> events, Instant createdAt) {
}
