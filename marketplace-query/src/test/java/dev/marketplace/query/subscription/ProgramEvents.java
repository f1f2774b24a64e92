package dev.marketplace.query.subscription;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** Programs' event streams in an in-memory event store, appended with consecutive sequence numbers. */
final class ProgramEvents {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    /** Appends the event to the program's stream and returns it as a handler receives it. */
    GenericDomainEventMessage<Object> append(String programId, Object payload) {
        long sequence = store.lastSequenceNumberFor(programId).map(s -> s + 1).orElse(0L);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                "MiniProgram", programId, sequence, payload, Map.of(),
                IdentifierFactory.getInstance().generateIdentifier(), T0.plusSeconds(sequence * 60));
        store.publish(message);
        return message;
    }

    void register(String programId, String developerId) {
        append(programId, new MiniProgramRegisteredEvent(programId, developerId, "Program " + programId, "A summary",
                                                         null, Category.SHOPPING, List.of(), null));
    }

    void submit(String programId, String version) {
        append(programId, new VersionSubmittedEvent(programId, version, "Changes", List.of(Permission.CAMERA),
                                                    List.of(PrivacyDataUse.ORDER_FULFILMENT), "ab".repeat(32), 1024));
    }

    /** A live program: registered, and {@code version} submitted, approved by rev-1 and released to everyone. */
    void live(String programId, String developerId, String version) {
        register(programId, developerId);
        submit(programId, version);
        append(programId, new VersionApprovedEvent(programId, version, "rev-1", null));
        append(programId, new VersionReleasedEvent(programId, version, 100));
    }
}
