package dev.marketplace.query.catalogue.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The points in time this node opened for paged searches, and who they were opened for: a caller over
 * {@link OpenSearchLimits#perCaller()} or a node over {@link OpenSearchLimits#total()} gets no new one (the search
 * is then paged on the live index). A point in time leaves when its last page is read and it is closed, or when its
 * keep-alive has passed and Elasticsearch has dropped it on its own.
 */
@Component
public class OpenSearches {

    /** One point in time, or a place kept for one while it is being opened ({@code pit} still null). */
    static final class Entry {
        private final String caller;
        private String pit;
        private Instant expiresAt;

        private Entry(String caller, Instant expiresAt) {
            this.caller = caller;
            this.expiresAt = expiresAt;
        }
    }

    private final OpenSearchLimits limits;
    private final Clock clock = Clock.systemUTC();
    private final List<Entry> entries = new ArrayList<>();

    public OpenSearches(OpenSearchLimits limits) {
        this.limits = limits;
    }

    /** A place for a new point in time for the caller; empty when the caller or the node holds too many. */
    synchronized Optional<Entry> reserve(String caller) {
        Instant now = clock.instant();
        entries.removeIf(e -> e.expiresAt.isBefore(now));
        if (entries.size() >= limits.total()
            || entries.stream().filter(e -> e.caller.equals(caller)).count() >= limits.perCaller()) {
            return Optional.empty();
        }
        Entry entry = new Entry(caller, now.plus(limits.keepAlive()));
        entries.add(entry);
        return Optional.of(entry);
    }

    synchronized void opened(Entry entry, String pit) {
        entry.pit = pit;
    }

    /** The reserved place was not used: opening failed. */
    synchronized void release(Entry entry) {
        entries.remove(entry);
    }

    /** A page was read from the point in time: its keep-alive started again, under the id Elasticsearch returned. */
    synchronized void used(String pit, String returnedPit) {
        Instant expiresAt = clock.instant().plus(limits.keepAlive());
        entries.stream().filter(e -> pit.equals(e.pit)).forEach(e -> {
            e.pit = returnedPit;
            e.expiresAt = expiresAt;
        });
    }

    synchronized void closed(String pit) {
        entries.removeIf(e -> pit.equals(e.pit));
    }

    /** Points in time this node holds open now, for the metrics. */
    public synchronized long open() {
        Instant now = clock.instant();
        return entries.stream().filter(e -> e.pit != null && !e.expiresAt.isBefore(now)).count();
    }

    /** How many points in time the caller holds now. */
    public synchronized long heldBy(String caller) {
        Instant now = clock.instant();
        return entries.stream().filter(e -> e.caller.equals(caller) && !e.expiresAt.isBefore(now)).count();
    }
}
