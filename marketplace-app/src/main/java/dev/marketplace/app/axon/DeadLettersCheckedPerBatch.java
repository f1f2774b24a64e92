package dev.marketplace.app.axon;

import javax.annotation.Nonnull;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A processing group's dead letters, asked once per batch whether they hold anything instead of once per event.
 * Before it handles an event, a processor with dead letters asks whether the event's sequence (its program) is
 * parked; on the JDBC queue that is a query per event, which made most of a catalogue rebuild's round trips.
 *
 * <p>Here the first such question in a unit of work (a processor's batch, one transaction) asks whether the group
 * has any dead letter at all; while it has none, the batch's later questions are answered "not parked" without a
 * query. That stays true across nodes and segment moves: only the node holding a segment handles (and parks) its
 * sequences, a letter another node parked before releasing the segment was committed before this batch began, and
 * a letter parked during the batch goes through {@link #enqueue} here, after which every question goes to the
 * database again. A question outside a unit of work always goes to the database.
 */
final class DeadLettersCheckedPerBatch<M extends Message<?>> implements SequencedDeadLetterQueue<M> {

    private final SequencedDeadLetterQueue<M> queue;
    /** The unit of work's resource that says the group held no dead letter when this batch first asked. */
    private final String emptyInBatch;

    DeadLettersCheckedPerBatch(String processingGroup, SequencedDeadLetterQueue<M> queue) {
        this.queue = queue;
        this.emptyInBatch = DeadLettersCheckedPerBatch.class.getName() + "/" + processingGroup + "/"
                            + System.identityHashCode(this);
    }

    private boolean knownEmpty() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Boolean empty = batch.getResource(emptyInBatch);
        if (empty == null) {
            // Not computeIfAbsent: the query itself puts the batch's connection among the same resources.
            empty = queue.amountOfSequences() == 0;
            batch.resources().put(emptyInBatch, empty);
        }
        return empty;
    }

    private void parkedInBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(emptyInBatch, Boolean.FALSE);
        }
    }

    @Override
    public void enqueue(@Nonnull Object sequenceIdentifier, @Nonnull DeadLetter<? extends M> letter) {
        parkedInBatch();
        queue.enqueue(sequenceIdentifier, letter);
    }

    @Override
    public boolean enqueueIfPresent(@Nonnull Object sequenceIdentifier,
                                    @Nonnull Supplier<DeadLetter<? extends M>> letterBuilder) {
        return !knownEmpty() && queue.enqueueIfPresent(sequenceIdentifier, letterBuilder);
    }

    @Override
    public boolean contains(@Nonnull Object sequenceIdentifier) {
        return !knownEmpty() && queue.contains(sequenceIdentifier);
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(@Nonnull DeadLetter<? extends M> letter,
                        @Nonnull UnaryOperator<DeadLetter<? extends M>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(@Nonnull Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(@Nonnull Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(@Nonnull Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(@Nonnull Predicate<DeadLetter<? extends M>> sequenceFilter,
                           @Nonnull Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
