package dev.marketplace.app.webhooks;

import dev.marketplace.api.rules.RuleViolation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, on every node: each claims a delivery in the table before sending, so one node makes each
 * attempt. Attempts run on the HTTP client's own few threads with a time limit; an endpoint has at most one attempt
 * in flight on a node and a poll takes at most one delivery per endpoint, so a slow or dead endpoint delays only its
 * own deliveries. Any answer but 2xx, a timeout or a refused address is a failure: retried after a backoff that
 * doubles each time, until {@code give-up-after} since the event, then parked as DEAD. Redirects are not followed
 * (they could lead anywhere), and the address is checked again before each attempt.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    private final Webhooks webhooks;
    private final WebhookUrls urls;
    private final WebhookProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private HttpClient http;

    WebhookSender(Webhooks webhooks, WebhookUrls urls, WebhookProperties properties) {
        this.webhooks = webhooks;
        this.urls = urls;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(4, daemon("webhook-sender"));
        http = HttpClient.newBuilder().executor(senders).connectTimeout(properties.timeout())
                         .followRedirects(HttpClient.Redirect.NEVER).build();
        poller = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poller"));
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Webhook poll failed; trying again at the next one: {}", e.toString());
        }
    }

    void poll() {
        Instant now = clock.instant();
        for (WebhookDelivery delivery : webhooks.due(now, BATCH)) {
            if (inFlight.contains(delivery.webhookId())
                || !webhooks.claim(delivery, now, now.plus(properties.timeout()).plusSeconds(30))) {
                continue;
            }
            inFlight.add(delivery.webhookId());
            try {
                attempt(delivery);
            } catch (RuntimeException e) {
                inFlight.remove(delivery.webhookId());
                fail(delivery, null, e.toString());
            }
        }
    }

    private void attempt(WebhookDelivery delivery) {
        Optional<Webhook> webhook = webhooks.find(delivery.webhookId());
        if (webhook.isEmpty()) {
            inFlight.remove(delivery.webhookId());
            webhooks.failed(delivery.id(), null, "endpoint deleted", clock.instant(), clock.instant(), true);
            return;
        }
        URI target;
        try {
            target = urls.check("url", webhook.get().url());
        } catch (RuleViolation refused) {
            inFlight.remove(delivery.webhookId());
            fail(delivery, null, "not sent: " + refused.getMessage());
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "marketplace-webhooks")
                .header("X-Marketplace-Event", delivery.eventType())
                .header("X-Marketplace-Delivery", delivery.id())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(
                        webhooks.secretOf(delivery.webhookId()), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.remove(delivery.webhookId());
            try {
                if (error == null && response.statusCode() / 100 == 2) {
                    webhooks.delivered(delivery.id(), response.statusCode(), clock.instant());
                } else {
                    fail(delivery, error == null ? response.statusCode() : null,
                         error == null ? "answered " + response.statusCode() : error.toString());
                }
            } catch (RuntimeException e) {
                log.warn("Could not record webhook attempt {}; it will be retried: {}", delivery.id(), e.toString());
            }
        });
    }

    private void fail(WebhookDelivery delivery, Integer status, String error) {
        Instant now = clock.instant();
        Instant next = now.plus(properties.backoffAfter(delivery.attempts() + 1));
        boolean dead = !next.isBefore(delivery.createdAt().plus(properties.giveUpAfter()));
        webhooks.failed(delivery.id(), status, error, now, next, dead);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
