package dev.marketplace.app.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery.
 *
 * @param allowInsecureLoopback whether {@code http} URLs to a loopback address are accepted (tests and local tries);
 *                              otherwise only {@code https}, and never to a private, link-local or loopback address
 * @param initialBackoff        wait before the first retry; each further retry waits twice as long
 * @param maxBackoff            the longest wait between two attempts
 * @param giveUpAfter           after this long since the event, a delivery still failing is parked as dead
 * @param timeout               how long one attempt may take, connection and answer together
 * @param pollInterval          how often each node looks for deliveries that are due
 */
@ConfigurationProperties("marketplace.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowInsecureLoopback,
                                @DefaultValue("30s") Duration initialBackoff,
                                @DefaultValue("1h") Duration maxBackoff,
                                @DefaultValue("24h") Duration giveUpAfter,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue("1s") Duration pollInterval) {

    /** The wait after {@code attempts} failed attempts: initialBackoff, doubled each time, at most maxBackoff. */
    Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
