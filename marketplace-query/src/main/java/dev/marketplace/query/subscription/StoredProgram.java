package dev.marketplace.query.subscription;

import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramState;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A program folded from its own stream in the shared event store with the catalogue's {@link ProgramState}. Unlike
 * the catalogue index it never lags behind the event being handled, and every node reads the same stream.
 */
@Component
class StoredProgram {

    private final EventStore events;

    StoredProgram(EventStore events) {
        this.events = events;
    }

    /** The program after all of its events; empty when it was never registered. */
    Optional<MiniProgramView> current(String programId) {
        return upTo(programId, Long.MAX_VALUE);
    }

    /** The sequence number of the program's latest event; -1 when it has none. */
    long lastSequence(String programId) {
        return events.lastSequenceNumberFor(programId).orElse(-1L);
    }

    /** The program after its events up to and including {@code lastSequence}. */
    Optional<MiniProgramView> upTo(String programId, long lastSequence) {
        // From sequence 0, not readEvents(id): that would start at a snapshot of the aggregate, not at an event.
        DomainEventStream stream = events.readEvents(programId, 0);
        MiniProgramView program = null;
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= lastSequence) {
            DomainEventMessage<?> event = stream.next();
            if (program != null || event.getPayload() instanceof MiniProgramRegisteredEvent) {
                program = ProgramState.apply(program, event.getPayload(), event.getTimestamp());
            }
        }
        return Optional.ofNullable(program);
    }
}
