package dev.marketplace.command.program;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event storage engine, except that it looks for a snapshot only where one can be. Axon's event store reads the
 * snapshot table before loading any aggregate; only programs are snapshotted ({@link ProgramSnapshotConfiguration}),
 * so for installations and ratings, the commonest commands, that read is a round trip to the database that always
 * finds nothing. Skipping it is always safe: without a snapshot an aggregate is loaded from all its events.
 */
final class ProgramSnapshotReads implements EventStorageEngine {

    private final EventStorageEngine delegate;

    ProgramSnapshotReads(EventStorageEngine delegate) {
        this.delegate = delegate;
    }

    /**
     * Whether the aggregate with this id may have a snapshot: program ids hold no colon, while installation and rating
     * ids always do ({@code install:<program>:<user>}, {@code rating:<program>:<user>}).
     */
    static boolean mayHaveSnapshot(String aggregateIdentifier) {
        return aggregateIdentifier.indexOf(':') < 0;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return mayHaveSnapshot(aggregateIdentifier) ? delegate.readSnapshot(aggregateIdentifier) : Optional.empty();
    }

    @Override
    public void appendEvents(EventMessage<?>... events) {
        delegate.appendEvents(events);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
