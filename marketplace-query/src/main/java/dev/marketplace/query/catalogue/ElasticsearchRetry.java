package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an Elasticsearch call until it gets an answer. An unreachable cluster, a 5xx or a 429 is transient: the
 * projection waits with exponential backoff (up to {@link #MAX_DELAY}) instead of failing the event, so an outage
 * only delays the catalogue and never parks events in the dead-letter queue. Any other refusal is returned to the
 * caller at once.
 */
final class ElasticsearchRetry {

    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchRetry.class);

    interface Call<T> {
        T run() throws IOException;
    }

    private ElasticsearchRetry() {
    }

    static <T> T call(String what, Call<T> call) {
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (ElasticsearchException e) {
                if (e.status() < 500 && e.status() != 429) {
                    throw e;
                }
                log.warn("Elasticsearch answered {} while {} (attempt {}); retrying in {} ms", e.status(), what,
                         attempt, delay.toMillis());
            } catch (IOException e) {
                log.warn("Elasticsearch unreachable while {} (attempt {}): {}; retrying in {} ms", what, attempt,
                         e.getMessage(), delay.toMillis());
            }
            pause(delay, what);
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    private static void pause(Duration delay, String what) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch (" + what + ")", e);
        }
    }
}
