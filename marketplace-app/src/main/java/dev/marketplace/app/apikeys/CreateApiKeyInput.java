package dev.marketplace.app.apikeys;

import java.time.Instant;
import java.util.List;

record CreateApiKeyInput(String name, List<ApiKeyScope> scopes, Instant expiresAt) {
}
