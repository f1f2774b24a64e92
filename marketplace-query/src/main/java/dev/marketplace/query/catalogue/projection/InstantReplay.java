package dev.marketplace.query.catalogue.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays the events stored up to an instant into an index of its own: the catalogue as it was then. It is the
 * catalogue's own projection ({@link CatalogueProjection}), the same handlers the live and rebuild processors run,
 * fed in batches (one bulk request each) from the event store, through the upcasters, by the calling thread rather
 * than by a processor: a processor and its tokens are named in configuration, while any number of instants may be
 * asked for. Installs and ratings go to tables made for this replay and dropped after it.
 */
@Component
public class InstantReplay {

    /**
     * Events are appended with the time their command was handled and committed a moment later, so commits land
     * slightly out of time order; the replay reads on this far beyond the instant before it stops, and skips what
     * lies after the instant.
     */
    public static final Duration COMMIT_LAG = Duration.ofSeconds(5);
    private static final int BATCH = 1000;
    private static final Duration STALL = Duration.ofSeconds(60);

    private final ElasticsearchClient client;
    private final CatalogueIndex index;
    private final PopularityStore popularity;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    InstantReplay(ElasticsearchClient client, CatalogueIndex index, PopularityStore popularity, EventStore eventStore,
                  TransactionTemplate transactions, ObjectProvider<EventProcessingConfiguration> processing) {
        this.client = client;
        this.index = index;
        this.popularity = popularity;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.processing = processing;
    }

    /** About how many events the replay reads: the stream's position at the instant (for progress only). */
    public long eventsUpTo(Instant at) {
        TrackingToken token = eventStore.createTokenAt(at);
        return token == null ? 0 : Math.max(0, token.position().orElse(0) + 1);
    }

    /**
     * Applies every event stored at or before {@code at} to {@code target}, an empty index with the catalogue's
     * mappings; {@code progress} hears how many events were read so far. Returns how many were applied. Throws when
     * an event cannot be applied: an as-of catalogue with a hole would answer wrongly, so it is not kept.
     */
    public long replay(String target, Instant at, String tableSuffix, LongConsumer progress)
            throws InterruptedException {
        return replay(target, at, tableSuffix, progress, List.of(), i -> {
        });
    }

    /**
     * The same, stopping at each of the {@code stops} (in time order, none after {@code at}) once every event up to
     * it is applied and searchable in {@code target}, to let {@code atStop} search the catalogue of that instant:
     * one replay serves any number of instants, as a backtest needs.
     */
    public long replay(String target, Instant at, String tableSuffix, LongConsumer progress, List<Instant> stops,
                       IntConsumer atStop) throws InterruptedException {
        PopularityStore rows = popularity.temporary(tableSuffix);
        try {
            AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new CatalogueProjection(
                    client, index, rows, processing, "catalogue-as-of", target));
            Instant readUntil = at.plus(COMMIT_LAG);
            Stops pending = new Stops(stops, atStop, target);
            long read;
            long applied;
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            long[] counts = new long[2];
            read(null, event -> {
                if (event.getTimestamp().isAfter(readUntil)) {
                    return false;
                }
                counts[0]++;
                if (event.getTimestamp().isAfter(at)) {
                    return true;
                }
                if (pending.before(event.getTimestamp())) {
                    counts[1] += apply(projection, batch);
                    pending.reach(event.getTimestamp());
                }
                batch.add(event);
                if (batch.size() == BATCH) {
                    counts[1] += apply(projection, batch);
                    pending.changed();
                    progress.accept(counts[0]);
                }
                return true;
            });
            read = counts[0];
            applied = counts[1];
            applied += apply(projection, batch);
            pending.reach(Instant.MAX);
            progress.accept(read);
            return applied;
        } finally {
            rows.drop();
        }
    }

    /** The instants a replay still has to stop at, and whether the index changed since it was last made searchable. */
    private final class Stops {

        private final List<Instant> stops;
        private final IntConsumer atStop;
        private final String target;
        private int next;
        private boolean changed = true;

        Stops(List<Instant> stops, IntConsumer atStop, String target) {
            this.stops = stops;
            this.atStop = atStop;
            this.target = target;
        }

        boolean before(Instant eventTime) {
            return next < stops.size() && eventTime.isAfter(stops.get(next));
        }

        void changed() {
            changed = true;
        }

        /** Stops at every instant before the event's time; the events up to them are applied by now. */
        void reach(Instant eventTime) {
            while (next < stops.size() && eventTime.isAfter(stops.get(next))) {
                if (changed) {
                    ElasticsearchRetry.call("making " + target + " searchable",
                                            () -> client.indices().refresh(r -> r.index(target)));
                    changed = false;
                }
                atStop.accept(next++);
            }
            changed = true;
        }
    }

    /**
     * Hands the stored events from {@code from} (null: the first) to {@code each}, in stream order, until it answers
     * false or the event that was the stream's head when the call began has been handed over. Waits for events the
     * stream has not fetched yet rather than taking a momentarily empty buffer for the end, and gives up when none
     * comes for {@link #STALL}: the head's own event exists, so only a broken store keeps it away.
     */
    public void read(TrackingToken from, Predicate<TrackedEventMessage<?>> each) throws InterruptedException {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        if (head < 0 || (from != null && from.position().orElse(-1) >= head)) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(from)) {
            long idleSince = System.nanoTime();
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("Reading the event store was stopped");
                }
                if (!events.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - idleSince > STALL.toNanos()) {
                        throw new IllegalStateException("The event stream stopped before its head (position " + head
                                                        + ")");
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                TrackedEventMessage<?> event = events.nextAvailable();
                if (!each.test(event) || event.trackingToken().position().orElse(-1) >= head) {
                    return;
                }
            }
        }
    }

    /**
     * Deletes an index a replay was made into, once it is no longer needed. One attempt, no retries: it also runs
     * while the node stops, when Elasticsearch may be gone already.
     */
    public void deleteIndex(String target) {
        try {
            client.indices().delete(d -> d.index(target).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to delete " + target, e);
        }
    }

    private int apply(AnnotationEventHandlerAdapter projection, List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int size = batch.size();
        BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(List.copyOf(batch));
        batch.clear();
        ResultMessage<?> result = transactions.execute(status -> {
            ResultMessage<?> outcome = unit.executeWithResult(
                    () -> projection.handle(unit.getMessage()),
                    RollbackConfigurationType.ANY_THROWABLE);
            if (outcome.isExceptional()) {
                status.setRollbackOnly();
            }
            return outcome;
        });
        if (result != null && result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw new IllegalStateException("An event could not be applied to the catalogue as of the instant: "
                                            + cause.getMessage(), cause);
        }
        return size;
    }
}
