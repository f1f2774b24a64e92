package dev.marketplace.query.catalogue.projection;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Puts every event about one program, whichever aggregate raised it (the program, an installation of it, a rating
 * of it), into one sequence, so the catalogue handles them in stream order on one thread even when its processor
 * runs several segments.
 */
public class ProgramSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof ProgramEvent programEvent) {
            return programEvent.programId();
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }
}
