package dev.marketplace.app.webhooks;

/** The answer to createWebhook: the only time the signing secret is shown. */
record CreatedWebhook(String secret, Webhook webhook) {
}
