package dev.marketplace.query.timetravel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One kept index of the catalogue as of an instant, while it is built and while it answers. */
final class AsOfIndex {

    final String id;
    final String index;
    final Instant at;
    final CompletableFuture<AsOfIndex> built = new CompletableFuture<>();
    private volatile Instant startedAt;
    private volatile long processed;
    private volatile long total;
    private volatile AsOfState state = AsOfState.BUILDING;
    private volatile Instant builtAt;
    private volatile String failure;
    private volatile Instant lastUsed;

    AsOfIndex(String id, String index, Instant at, Instant askedAt) {
        this.id = id;
        this.index = index;
        this.at = at;
        this.startedAt = askedAt;
        this.lastUsed = askedAt;
    }

    AsOfState state() {
        return state;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void used(Instant now) {
        lastUsed = now;
    }

    /** The replay begins (after waiting for the instant's late commits): the build time counts from here. */
    void started(Instant now, long events) {
        startedAt = now;
        total = events;
    }

    void processed(long events) {
        processed = events;
        total = Math.max(total, events);
    }

    void ready(Instant now) {
        builtAt = now;
        total = processed;
        state = AsOfState.READY;
        built.complete(this);
    }

    void failed(Instant now, String why) {
        builtAt = now;
        failure = why;
        state = AsOfState.FAILED;
        built.complete(this);
    }

    CatalogueAsOf view(Instant now) {
        Instant until = builtAt != null ? builtAt : now;
        return new CatalogueAsOf(at, index, state, processed, total, startedAt, builtAt,
                                 Duration.between(startedAt, until).toMillis() / 1000.0, failure);
    }
}
