package dev.marketplace.query.catalogue.projection;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an Elasticsearch call until it gets an answer. An unreachable cluster, a 5xx or a 429 is transient: the
 * projection waits with exponential backoff (up to {@link #MAX_DELAY}) instead of failing the event, so an outage
 * only delays the catalogue and never parks events in the dead-letter queue. Any other refusal is thrown at once as
 * {@link Refused} with its status, however the client reported it.
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

    /** Thrown when Elasticsearch answered with a refusal that retrying cannot change. */
    static final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, Throwable cause) {
            super("Elasticsearch refused with status " + status, cause);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static <T> T call(String what, Call<T> call) {
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (ElasticsearchException | IOException e) {
                int status = statusOf(e);
                if (status > 0 && status < 500 && status != 429) {
                    throw new Refused(status, e);
                }
                log.warn("Elasticsearch {} while {} (attempt {}); retrying in {} ms",
                         status > 0 ? "answered " + status : "unreachable (" + e.getMessage() + ")", what, attempt,
                         delay.toMillis());
            }
            pause(delay, what);
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    /**
     * The HTTP status of a failed call, 0 when there was no answer. Refusals arrive as ElasticsearchException when
     * the client can read the error body, and as a transport or low-level response exception when it cannot.
     */
    static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return e.status();
            }
            if (t instanceof TransportException e && e.statusCode() > 0) {
                return e.statusCode();
            }
            if (t instanceof ResponseException e) {
                return e.getResponse().getStatusLine().getStatusCode();
            }
        }
        return 0;
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
