package dev.marketplace.app.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 */
public final class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventSource.class);
    private static final AtomicLong WATCHERS = new AtomicLong();

    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    public NotifyingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
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
                watcher = new Thread(() -> watch(head), "event-watcher-" + WATCHERS.incrementAndGet());
                watcher.setDaemon(true);
                watcher.start();
            }
            return true;
        }

        /**
         * Tails the store's head and calls back whenever events arrive, until this stream is closed. Not stopped by
         * an interrupt: one that hits an H2 file read closes the embedded database's file.
         */
        private void watch(BlockingStream<TrackedEventMessage<?>> head) {
            try (head) {
                while (!closed) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callback.run();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The processor still looks for events on its own every few seconds; it is only slower to notice.
                if (!closed) {
                    log.warn("Stopped watching the event store for new events; the processor will notice them late", e);
                }
            }
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
