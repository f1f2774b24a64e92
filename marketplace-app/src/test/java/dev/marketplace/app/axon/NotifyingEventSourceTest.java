package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifyingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    /** Named for this test alone: other tests' application contexts run watchers of their own in this JVM. */
    private final String watcherName = "test-watcher-" + UUID.randomUUID();
    private final NotifyingEventSource source = new NotifyingEventSource(store, watcherName, Duration.ZERO);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void callsTheProcessorBackWhenAnEventIsStoredAndItsStreamThenHoldsTheEvent() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            AtomicInteger callbacks = new AtomicInteger();
            assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            store.publish(GenericEventMessage.asEventMessage("first"));

            await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.get() >= 1);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

            int before = callbacks.get();
            store.publish(GenericEventMessage.asEventMessage("second"));
            await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.get() > before);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        }
    }

    @Test
    void aStreamStartedBehindTheHeadHasItsEventsAndIsStillCalledBackForNewOnes() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("old"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            AtomicInteger callbacks = new AtomicInteger();
            stream.setOnAvailableCallback(callbacks::incrementAndGet);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("old");

            store.publish(GenericEventMessage.asEventMessage("new"));

            await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.get() >= 1);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("new");
        }
    }

    @Test
    void aWatcherWhoseReadingFailsOpensTheHeadAgainAndKeepsCallingBack() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        @SuppressWarnings("unchecked")
        StreamableMessageSource<TrackedEventMessage<?>> failingOnce = mock(StreamableMessageSource.class);
        when(failingOnce.createHeadToken()).thenAnswer(call -> store.createHeadToken());
        // The processor's stream first, then the watcher's: that one breaks on its first read.
        when(failingOnce.openStream(any())).thenAnswer(call -> opened.incrementAndGet() == 2
                ? new BrokenStream() : store.openStream(call.getArgument(0)));
        NotifyingEventSource recovering = new NotifyingEventSource(failingOnce, watcherName, Duration.ZERO);
        try (BlockingStream<TrackedEventMessage<?>> stream = recovering.openStream(null)) {
            AtomicInteger callbacks = new AtomicInteger();
            stream.setOnAvailableCallback(callbacks::incrementAndGet);

            // Reopened after the failure, it calls back once for what may have arrived while it was down.
            await().atMost(Duration.ofSeconds(10)).until(() -> opened.get() == 3 && callbacks.get() == 1);
            store.publish(GenericEventMessage.asEventMessage("after the failure"));

            await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.get() == 2);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("after the failure");
        }
    }

    @Test
    void withALingerAStreamOfEventsWakesTheProcessorAtMostOncePerLinger() throws Exception {
        Duration linger = Duration.ofMillis(200);
        NotifyingEventSource lingering = new NotifyingEventSource(store, watcherName, linger);
        try (BlockingStream<TrackedEventMessage<?>> stream = lingering.openStream(null)) {
            AtomicInteger callbacks = new AtomicInteger();
            stream.setOnAvailableCallback(callbacks::incrementAndGet);
            long started = System.nanoTime();
            AtomicInteger published = new AtomicInteger();

            // An event every 5 ms for a second: without the linger, nearly every one wakes the processor.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
                store.publish(GenericEventMessage.asEventMessage("event " + published.incrementAndGet()));
                return System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(1);
            });
            int woken = callbacks.get();
            long lingers = (System.nanoTime() - started) / linger.toNanos();

            assertThat(woken).isBetween(2, (int) lingers + 1);
            assertThat(published.get()).isGreaterThan(3 * woken);
            for (int i = 1; i <= published.get(); i++) {
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + i);
            }
        }
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> new NotifyingEventSource(store, watcherName, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linger");
    }

    @Test
    void closingTheStreamStopsItsWatcher() {
        Set<Thread> before = watchers();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(() -> { });
        Set<Thread> started = watchers();
        started.removeAll(before);
        assertThat(started).hasSize(1);

        stream.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> started.stream().noneMatch(Thread::isAlive));
        assertThat(stream.setOnAvailableCallback(() -> { })).isFalse();
    }

    private Set<Thread> watchers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(watcherName + "-") && t.isAlive())
                .collect(Collectors.toSet());
    }

    /** A stream whose reading fails, as one over a database that has just gone away. */
    private static final class BrokenStream implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            throw new IllegalStateException("the event store could not be read");
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("the event store could not be read");
        }

        @Override
        public void close() {
        }
    }
}
