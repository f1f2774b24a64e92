package dev.marketplace.app.apikeys;

import java.time.Instant;
import java.util.Set;

/** A stored API key as its owner sees it: never the secret, which only its hash stands for. */
public record ApiKey(String id, String ownerId, String name, Set<ApiKeyScope> scopes, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
