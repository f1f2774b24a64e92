package dev.marketplace.app.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the source of a pooled processor, with the one thing the store's own streams lack: telling
 * the processor that events have arrived. A pooled processor's coordinator that finds no event looks again only
 * 500 ms later unless its stream can call it back, so without this every live change waited 250 ms on average
 * (500 ms at worst) before the catalogue even read it.
 * <p>
 * Each stream opened here gets, once the processor asks for a callback, a watcher: a second stream of the store
 * that tails its head on a daemon thread and calls back as soon as it sees an event. The store hands the events it
 * fetched to all its tailing streams from one cache, so the event the watcher saw is there for the processor's
 * stream too; a processor that is behind reads from the database and has events anyway. The watcher reads only
 * the events' envelopes (payloads are deserialised when read, and it reads none) and stops when its stream is
 * closed.
 * <p>
 * With a linger, a watcher that has called back waits that long before it watches again: the first event after a
 * quiet spell still wakes the processor at once, but under a steady stream of events the processor is woken at most
 * once per linger and handles what came meanwhile as one batch (one transaction and one token update), instead of
 * one batch per event. For processors nobody waits on.
 */
public final class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventSource.class);
    /** How long a watcher whose reading failed waits before it opens the store's head again. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final String threadName;
    private final long lingerNanos;
    private final AtomicLong watchers = new AtomicLong();

    public NotifyingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this(store, "event-watcher", Duration.ZERO);
    }

    /** With the watcher threads named {@code <threadName>-<n>}, calling back at most once per {@code linger}. */
    NotifyingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, String threadName, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("A watcher's linger must not be negative: " + linger);
        }
        this.store = store;
        this.threadName = threadName;
        this.lingerNanos = linger.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile boolean closed;
        private volatile Runnable callback;
        private Thread watcher;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (closed) {
                return false;
            }
            this.callback = callback;
            if (watcher == null) {
                // Opened here, so every event stored after this call wakes the processor.
                BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken());
                watcher = new Thread(() -> watch(head), threadName + "-" + watchers.incrementAndGet());
                watcher.setDaemon(true);
                watcher.start();
            }
            return true;
        }

        /**
         * Tails the store's head and calls back whenever events arrive, until this stream is closed. A failed read
         * (the database briefly gone, say) opens the head again a second later and calls back once, for what may
         * have arrived meanwhile: the processor relies on the callback and would otherwise look for events only
         * every few seconds. Not stopped by an interrupt: one that hits an H2 file read closes the embedded
         * database's file.
         */
        private void watch(BlockingStream<TrackedEventMessage<?>> first) {
            BlockingStream<TrackedEventMessage<?>> head = first;
            while (head != null) {
                try (BlockingStream<TrackedEventMessage<?>> watched = head) {
                    while (!closed) {
                        if (watched.hasNextAvailable(1, TimeUnit.SECONDS)) {
                            while (watched.hasNextAvailable()) {
                                watched.nextAvailable();
                            }
                            callback.run();
                            pause(lingerNanos);
                        }
                    }
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    log.warn("Watching the event store for new events failed; trying again in a second", e);
                }
                head = reopenAfterPause();
                if (head != null) {
                    callback.run();
                }
            }
        }

        /** Waits {@code nanos}, or until this stream is closed. */
        private void pause(long nanos) {
            long until = System.nanoTime() + nanos;
            while (!closed && System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime());
            }
        }

        /** The store's head opened again, a second after each failure; null once this stream is closed. */
        private BlockingStream<TrackedEventMessage<?>> reopenAfterPause() {
            while (!closed) {
                pause(RETRY_NANOS);
                if (closed) {
                    return null;
                }
                try {
                    return store.openStream(store.createHeadToken());
                } catch (RuntimeException e) {
                    log.warn("Could not open the event store's head to watch for new events; trying again in a "
                             + "second", e);
                }
            }
            return null;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            closed = true;
            events.close();
        }
    }
}
