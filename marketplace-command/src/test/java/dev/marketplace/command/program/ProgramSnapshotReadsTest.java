package dev.marketplace.command.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.installation.InstallationId;
import dev.marketplace.api.rating.RatingId;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Only programs are looked up in the snapshot table; installations and ratings are loaded from their events without
 * asking it, and everything else reaches the real engine unchanged.
 */
class ProgramSnapshotReadsTest {

    private static final String PROGRAM = "5f0c6a52-8c1e-4d55-9d0e-1b7a5c3e2f10";

    private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();
    private final ProgramSnapshotReads reads = new ProgramSnapshotReads(stored);

    @Test
    void aProgramsSnapshotIsReadAndOtherAggregatesAreNotLookedUp() {
        String installation = new InstallationId(PROGRAM, "user-1").value();
        String rating = new RatingId(PROGRAM, "user-1").value();
        for (String id : new String[] {PROGRAM, installation, rating}) {
            stored.storeSnapshot(snapshot(id, 4));
        }

        assertThat(reads.readSnapshot(PROGRAM)).map(DomainEventMessage::getSequenceNumber).contains(4L);
        // The engine holds snapshots for them (no real configuration makes one), and still they are not asked for.
        assertThat(stored.readSnapshot(installation)).isPresent();
        assertThat(reads.readSnapshot(installation)).isEmpty();
        assertThat(reads.readSnapshot(rating)).isEqualTo(Optional.empty());
    }

    @Test
    void anInstallationLoadsFromAllItsEventsThroughTheEventStore() {
        String installation = new InstallationId(PROGRAM, "user-2").value();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(reads).build();
        try {
            store.publish(event(installation, 0, "installed"), event(installation, 1, "uninstalled"));
            stored.storeSnapshot(snapshot(installation, 1));

            DomainEventStream loaded = store.readEvents(installation);
            assertThat(loaded.asStream().map(e -> (Object) e.getPayload())).containsExactly("installed", "uninstalled");
            assertThat(reads.lastSequenceNumberFor(installation)).contains(1L);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void thePostProcessorWrapsEveryStorageEngineOnceAndNothingElse() {
        BeanPostProcessor processor = ProgramSnapshotConfiguration.programSnapshotReads();
        Object wrapped = processor.postProcessAfterInitialization(stored, "eventStorageEngine");
        assertThat(wrapped).isInstanceOf(ProgramSnapshotReads.class);
        assertThat(processor.postProcessAfterInitialization(wrapped, "eventStorageEngine")).isSameAs(wrapped);
        Object other = new Object();
        assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
        assertThat(((EventStorageEngine) wrapped).readSnapshot(new RatingId(PROGRAM, "u").value())).isEmpty();
    }

    private static DomainEventMessage<String> snapshot(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Snapshot", aggregateId, sequence, "state at " + sequence);
    }

    private static DomainEventMessage<String> event(String aggregateId, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Installation", aggregateId, sequence, payload);
    }
}
