package dev.marketplace.elasticsearch;

/**
 * A local Elasticsearch node could not be prepared, started or stopped. The message says what was
 * tried and how to fix it, because the usual reader is someone whose build just failed.
 */
public class LocalElasticsearchException extends RuntimeException {

    public LocalElasticsearchException(String message) {
        super(message);
    }

    public LocalElasticsearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
