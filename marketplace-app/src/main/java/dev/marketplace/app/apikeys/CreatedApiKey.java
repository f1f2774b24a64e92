package dev.marketplace.app.apikeys;

/** The answer to createApiKey: the only time the whole key is ever shown. */
record CreatedApiKey(String key, ApiKey apiKey) {
}
