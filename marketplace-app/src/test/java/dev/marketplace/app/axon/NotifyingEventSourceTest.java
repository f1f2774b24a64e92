package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifyingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final NotifyingEventSource source = new NotifyingEventSource(store);

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

    private static Set<Thread> watchers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("event-watcher-") && t.isAlive())
                .collect(Collectors.toSet());
    }
}
