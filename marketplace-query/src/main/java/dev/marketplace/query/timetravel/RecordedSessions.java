package dev.marketplace.query.timetravel;

import dev.marketplace.api.search.SearchAction;
import dev.marketplace.api.search.SearchRecordedEvent;
import dev.marketplace.api.search.SearchResultChosenEvent;
import dev.marketplace.query.catalogue.projection.InstantReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The recorded searches of a period that were followed by an install, in time order: what a backtest replays. */
@Component
class RecordedSessions {

    /** One search and the program installed from it. */
    record Session(Instant at, SearchRecordedEvent search, String installed) {
    }

    private final EventStore eventStore;
    private final InstantReplay replay;

    RecordedSessions(EventStore eventStore, InstantReplay replay) {
        this.eventStore = eventStore;
        this.replay = replay;
    }

    /**
     * Searches made from {@code from} (inclusive) to {@code to} (exclusive) and the first program installed from each,
     * read from the event stream from the first event near {@code from}.
     */
    List<Session> between(Instant from, Instant to) throws InterruptedException {
        Map<String, TrackedEventMessage<?>> searches = new HashMap<>();
        Map<String, String> installed = new HashMap<>();
        Instant readUntil = to.plus(InstantReplay.COMMIT_LAG);
        replay.read(eventStore.createTokenAt(from.minus(InstantReplay.COMMIT_LAG)), event -> {
            if (event.getTimestamp().isAfter(readUntil)) {
                return false;
            }
            Instant at = event.getTimestamp();
            if (event.getPayload() instanceof SearchRecordedEvent && !at.isBefore(from) && at.isBefore(to)) {
                searches.put(((SearchRecordedEvent) event.getPayload()).searchId(), event);
            } else if (event.getPayload() instanceof SearchResultChosenEvent chosen
                       && chosen.action() == SearchAction.INSTALLED) {
                installed.putIfAbsent(chosen.searchId(), chosen.programId());
            }
            return true;
        });
        List<Session> sessions = new ArrayList<>();
        searches.forEach((id, event) -> {
            if (installed.containsKey(id)) {
                sessions.add(new Session(event.getTimestamp(), (SearchRecordedEvent) event.getPayload(),
                                         installed.get(id)));
            }
        });
        sessions.sort(Comparator.comparing(Session::at));
        return sessions;
    }
}
