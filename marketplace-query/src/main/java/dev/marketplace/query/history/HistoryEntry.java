package dev.marketplace.query.history;

import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One event of a program's audit trail: its position in the program's stream, what happened, who did it (null for
 * events the system raised, such as deadline escalations) and when.
 */
public record HistoryEntry(long sequence, String type, String actor, Instant at, String summary) {

    /** The entry with its summary in the reader's language (English when {@code locale} is null). */
    static HistoryEntry of(DomainEventMessage<?> event, Locale locale) {
        String type = EventSummary.typeOf(event);
        return new HistoryEntry(event.getSequenceNumber(), type,
                                ActorMetadata.from(event.getMetaData()).map(Actor::userId).orElse(null),
                                event.getTimestamp(), EventSummary.of(event.getPayload(), type, locale));
    }
}
