package dev.marketplace.query.rebuild;

import org.springframework.stereotype.Component;

/**
 * Whether this node's rebuild processor may claim segments. Axon starts every processor with the application, and
 * the rebuild's would otherwise replay into an alias that names no index (Elasticsearch would make one of that name):
 * it claims none until {@link RebuildCoordinator} has seen a rebuild with its index in place.
 */
@Component
class RebuildGate {

    private volatile boolean open;

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    int maxSegments() {
        return open ? Integer.MAX_VALUE : 0;
    }
}
