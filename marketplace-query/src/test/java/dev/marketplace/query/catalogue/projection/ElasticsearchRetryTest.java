package dev.marketplace.query.catalogue.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.http.TransportHttpClient;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ElasticsearchRetryTest {

    @Test
    void anUnreachableClusterIsRetriedUntilItAnswers() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = ElasticsearchRetry.call("testing", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConnectException("Connection refused");
            }
            return "indexed";
        });

        assertThat(answer).isEqualTo("indexed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anOverloadedClusterIsRetried() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = ElasticsearchRetry.call("testing", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw failure(429);
            }
            return "indexed";
        });

        assertThat(answer).isEqualTo("indexed");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ElasticsearchRetry.call("testing", () -> {
            attempts.incrementAndGet();
            throw failure(409);
        })).isInstanceOfSatisfying(ElasticsearchRetry.Refused.class, r -> assertThat(r.status()).isEqualTo(409));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aRefusalTheClientCouldNotParseIsRecognisedByItsStatusToo() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ElasticsearchRetry.call("testing", () -> {
            attempts.incrementAndGet();
            throw new TransportException(response(409), "version conflict", "es/index");
        })).isInstanceOfSatisfying(ElasticsearchRetry.Refused.class, r -> assertThat(r.status()).isEqualTo(409));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> ElasticsearchRetry.call("testing", () -> {
                throw new IOException("down");
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /** The transport's view of an answer whose error body it could not read. */
    private static TransportHttpClient.Response response(int status) {
        return new TransportHttpClient.Response() {
            @Override
            public TransportHttpClient.Node node() {
                return null;
            }

            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public String header(String name) {
                return null;
            }

            @Override
            public java.util.List<String> headers(String name) {
                return java.util.List.of();
            }

            @Override
            public co.elastic.clients.util.BinaryData body() {
                return null;
            }

            @Override
            public Object originalResponse() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    private static ElasticsearchException failure(int status) {
        return new ElasticsearchException("test", ErrorResponse.of(r -> r.status(status)
                .error(ErrorCause.of(c -> c.type("test").reason("status " + status)))));
    }
}
