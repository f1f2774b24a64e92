package dev.marketplace.app.webhooks;

import java.time.Instant;

/**
 * One event sent (or to be sent) to one endpoint: PENDING until an attempt is answered with 2xx (DELIVERED) or the
 * retries give up (DEAD, parked for its owner to see).
 */
record WebhookDelivery(String id, String webhookId, String eventId, String eventType, String payload, Status status,
                       int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
                       Integer lastStatus, String lastError) {

    enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }
}
