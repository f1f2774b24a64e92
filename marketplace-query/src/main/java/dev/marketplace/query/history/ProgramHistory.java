package dev.marketplace.query.history;

import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramState;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.query.shared.Viewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A program's past, read straight from its event stream in the event store (never from a projection, so it is
 * complete and never lags): the audit trail of every event with actor and time, and the listing as it was at an
 * instant, folded with the catalogue's own {@link ProgramState}. The trail is for the program's developer and for
 * reviewers; a past listing is visible as {@code miniProgram} would have shown it then (live: everyone).
 */
@Component
public class ProgramHistory {

    private final EventStore events;

    public ProgramHistory(EventStore events) {
        this.events = events;
    }

    /**
     * Up to {@code size} events of the program starting at sequence number {@code from}. Streams are read from a
     * sequence number, not with {@code readEvents(id)}, which would start at a snapshot and skip earlier events.
     */
    public HistoryPage page(String programId, long from, int size) {
        return page(programId, from, size, null);
    }

    /** The same page with its sentences in the reader's language (English when {@code locale} is null). */
    public HistoryPage page(String programId, long from, int size, Locale locale) {
        Actor viewer = Viewer.current().orElseThrow(() -> new RuleViolation(
                RuleCode.UNAUTHENTICATED, "Sign in to see the history of a mini-program."));
        DomainEventStream stream = events.readEvents(programId, 0);
        String developerId = stream.hasNext() && stream.peek().getPayload() instanceof MiniProgramRegisteredEvent r
                ? r.developerId() : null;
        if (developerId == null) {
            throw new RuleViolation(RuleCode.PROGRAM_NOT_FOUND, "No mini-program with id " + programId + ".");
        }
        if (!Viewer.isOwnerOrReviewer(viewer, developerId)) {
            throw new RuleViolation(RuleCode.NOT_OWNER,
                                    "Only the developer of this mini-program and reviewers may see its history.");
        }
        if (from > 0) {
            stream = events.readEvents(programId, from);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        while (entries.size() < size && stream.hasNext()) {
            entries.add(HistoryEntry.of(stream.next(), locale));
        }
        return new HistoryPage(entries, stream.hasNext());
    }

    /**
     * The program as it was at {@code at}: its events up to that instant, folded. Empty when it did not exist yet,
     * or when the reader may not see it as it was then.
     */
    public Optional<MiniProgramView> asOf(String programId, Instant at) {
        MiniProgramView program = null;
        DomainEventStream stream = events.readEvents(programId, 0);
        // Stop at the first later event rather than filtering: a prefix of the stream is always a state that existed.
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            if (program != null || payload instanceof MiniProgramRegisteredEvent) {
                program = ProgramState.apply(program, payload, event.getTimestamp());
            }
        }
        return Optional.ofNullable(program).filter(Viewer::maySee);
    }
}
