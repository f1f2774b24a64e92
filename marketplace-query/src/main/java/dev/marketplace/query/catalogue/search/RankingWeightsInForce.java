package dev.marketplace.query.catalogue.search;

import dev.marketplace.api.ranking.RankingId;
import dev.marketplace.api.ranking.RankingWeightsSetEvent;
import dev.marketplace.api.ranking.RankingWeightsValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Which relevance weights are in force, now or at a past instant: the configured ones ({@link RankingWeights}) until
 * an admin sets others, then those of the latest {@link RankingWeightsSetEvent}. Every node reads the ranking's own
 * event stream (a handful of events) again once it is older than {@link #FRESH_FOR}, so a change reaches every node's
 * searches within that time, with no processor and no table: the events are the configuration's history.
 */
@Component
public class RankingWeightsInForce implements Supplier<RankingWeights> {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final EventStore eventStore;
    private final RankingWeights configured;
    private final Clock clock = Clock.systemUTC();
    private volatile History history = new History(List.of(), Instant.MIN);

    RankingWeightsInForce(EventStore eventStore, RankingWeights configured) {
        this.eventStore = eventStore;
        this.configured = configured;
    }

    /** The weights in force now. */
    @Override
    public RankingWeights get() {
        List<Change> changes = history().changes();
        return changes.isEmpty() ? configured : changes.get(changes.size() - 1).weights();
    }

    /** The weights that were in force at the instant. */
    public RankingWeights at(Instant at) {
        RankingWeights inForce = configured;
        for (Change change : history().changes()) {
            if (change.at().isAfter(at)) {
                break;
            }
            inForce = change.weights();
        }
        return inForce;
    }

    private History history() {
        History current = history;
        Instant now = clock.instant();
        if (current.readAt().plus(FRESH_FOR).isAfter(now)) {
            return current;
        }
        List<Change> changes = eventStore.readEvents(RankingId.CATALOGUE).asStream()
                .filter(e -> e.getPayload() instanceof RankingWeightsSetEvent)
                .map(e -> new Change(e.getTimestamp(), of(((RankingWeightsSetEvent) e.getPayload()).weights())))
                .toList();
        History read = new History(changes, now);
        history = read;
        return read;
    }

    public static RankingWeights of(RankingWeightsValues values) {
        return new RankingWeights(values.installs(), values.rating(), (float) values.exactName(),
                                  (float) values.phrase());
    }

    static RankingWeightsValues values(RankingWeights weights) {
        return new RankingWeightsValues(weights.installs(), weights.rating(), weights.exactName(), weights.phrase());
    }

    private record Change(Instant at, RankingWeights weights) {
    }

    private record History(List<Change> changes, Instant readAt) {
    }
}
