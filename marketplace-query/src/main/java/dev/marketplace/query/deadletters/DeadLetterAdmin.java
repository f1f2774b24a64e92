package dev.marketplace.query.deadletters;

import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.shared.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Lets an admin see the events a projection parked and try them again once the cause is fixed. */
@Controller
record DeadLetterAdmin(EventProcessingConfiguration processing) {

    static final int MAX_LIST = 500;

    record DeadLetterEntry(String sequence, String eventType, String eventIdentifier, String cause,
                           Instant enqueuedAt, Instant lastTouched) {
    }

    record DeadLetterRetry(int retried, long remaining) {
    }

    @QueryMapping
    List<DeadLetterEntry> deadLetters(@Argument String processingGroup, @Argument int first) {
        requireAdmin();
        if (first < 1 || first > MAX_LIST) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_LIST + ", not " + first);
        }
        List<DeadLetterEntry> entries = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processingGroup).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (entries.size() == first) {
                    return entries;
                }
                entries.add(entry(letter));
            }
        }
        return entries;
    }

    @MutationMapping
    DeadLetterRetry retryDeadLetters(@Argument String processingGroup) {
        requireAdmin();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(processingGroup).orElseThrow();
        long sequences = queue.amountOfSequences();
        int retried = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                retried++;
            }
        }
        return new DeadLetterRetry(retried, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return processing.deadLetterQueue(processingGroup).orElseThrow(() -> RuleViolation.invalid(
                "processingGroup", "'" + processingGroup + "' has no dead-letter queue"));
    }

    private static DeadLetterEntry entry(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String sequence = message.getPayload() instanceof ProgramEvent event ? event.programId()
                : String.valueOf(letter.diagnostics().getOrDefault("sequenceIdentifier", ""));
        return new DeadLetterEntry(sequence,
                                   message.getPayloadType().getSimpleName(), message.getIdentifier(),
                                   letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                                   letter.enqueuedAt(), letter.lastTouched());
    }

    private static void requireAdmin() {
        Viewer.required().require(Role.ADMIN);
    }
}
