package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dead letters asked once per batch: what the processor learns of each event's sequence is what the queue
 * holds, with one question to the queue per batch while it holds nothing.
 */
class DeadLettersCheckedPerBatchTest {

    private final SequencedDeadLetterQueue<EventMessage<?>> stored = InMemorySequencedDeadLetterQueue.defaultQueue();
    /**
     * The names of the methods called on the stored queue, in order. Each call also adds a resource to the batch, as
     * the JDBC queue does with its connection.
     */
    private final List<String> asked = new ArrayList<>();
    private final DeadLettersCheckedPerBatch<EventMessage<?>> queue =
            new DeadLettersCheckedPerBatch<>("catalogue", counting(stored));

    @AfterEach
    void noBatchLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aBatchOverAnEmptyQueueAsksItOnceAndHandlesEveryEvent() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (int i = 0; i < 100; i++) {
            assertThat(queue.enqueueIfPresent("program-" + i, () -> letter("program-x"))).isFalse();
            assertThat(queue.contains("program-" + i)).isFalse();
        }
        batch.commit();

        assertThat(asked).containsExactly("amountOfSequences");
        assertThat(stored.size()).isZero();
    }

    @Test
    void aSequenceParkedBeforeTheBatchIsFoundAndItsNextEventParkedBehindIt() {
        stored.enqueue("program-1", letter("program-1"));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        assertThat(queue.enqueueIfPresent("program-1", () -> letter("program-1"))).isTrue();
        assertThat(queue.enqueueIfPresent("program-2", () -> letter("program-2"))).isFalse();
        batch.commit();

        assertThat(stored.sequenceSize("program-1")).isEqualTo(2);
        assertThat(stored.contains("program-2")).isFalse();
    }

    @Test
    void anEventParkedInTheBatchSendsTheBatchsLaterQuestionsToTheQueue() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        assertThat(queue.contains("program-1")).isFalse();
        queue.enqueue("program-1", letter("program-1"));

        assertThat(queue.enqueueIfPresent("program-1", () -> letter("program-1"))).isTrue();
        assertThat(queue.contains("program-2")).isFalse();
        batch.commit();

        assertThat(stored.sequenceSize("program-1")).isEqualTo(2);
        assertThat(asked).containsExactly("amountOfSequences", "enqueue", "enqueueIfPresent", "contains");
    }

    @Test
    void eachBatchAsksAgainSoALetterParkedInBetweenIsFound() {
        UnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        assertThat(queue.contains("program-1")).isFalse();
        first.commit();
        stored.enqueue("program-1", letter("program-1"));

        UnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        assertThat(queue.contains("program-1")).isTrue();
        second.commit();
    }

    @Test
    void withoutABatchEveryQuestionGoesToTheQueue() {
        assertThat(queue.contains("program-1")).isFalse();
        assertThat(queue.contains("program-2")).isFalse();

        assertThat(asked).containsExactly("contains", "contains");
    }

    @Test
    void aNestedUnitOfWorkSharesItsBatchsAnswer() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        assertThat(queue.contains("program-1")).isFalse();
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        assertThat(queue.contains("program-2")).isFalse();
        nested.commit();
        batch.commit();

        assertThat(asked).containsExactly("amountOfSequences");
    }

    private static GenericDeadLetter<EventMessage<?>> letter(String programId) {
        return new GenericDeadLetter<>(programId, GenericEventMessage.asEventMessage("event of " + programId));
    }

    @SuppressWarnings("unchecked")
    private SequencedDeadLetterQueue<EventMessage<?>> counting(SequencedDeadLetterQueue<EventMessage<?>> target) {
        return (SequencedDeadLetterQueue<EventMessage<?>>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SequencedDeadLetterQueue.class}, (proxy, method, args) -> {
                    asked.add(method.getName());
                    if (CurrentUnitOfWork.isStarted()) {
                        // As the JDBC queue's query does: the batch's connection becomes one of its resources.
                        CurrentUnitOfWork.get().root().resources().put("connection", method.getName());
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
