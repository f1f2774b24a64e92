package dev.marketplace.app.webhooks;

import java.util.List;

record CreateWebhookInput(String url, List<WebhookEvent> events) {
}
