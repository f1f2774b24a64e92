package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RatingEditedEvent;
import dev.marketplace.api.rating.RatingFlaggedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.rating.RatingView;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Projects program, install and rating events into the catalogue index: one document per program, id = program
 * id. Each write carries the event's global stream position as an external version, so Elasticsearch itself
 * refuses a stale or repeated write: an event that is already applied changes nothing. Installs and ratings are
 * kept as rows ({@link PopularityStore}) in the processor's own transaction and the figures recomputed from them.
 * A batch of events reaches Elasticsearch as one bulk request ({@link CatalogueWrites}).
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
class CatalogueProjection {

    static final String PROCESSING_GROUP = "catalogue";

    private final ElasticsearchClient client;
    private final CatalogueIndex index;
    private final PopularityStore popularity;

    private final ObjectProvider<EventProcessingConfiguration> processing;

    CatalogueProjection(ElasticsearchClient client, CatalogueIndex index, PopularityStore popularity,
                        ObjectProvider<EventProcessingConfiguration> processing) {
        this.client = client;
        this.index = index;
        this.popularity = popularity;
        this.processing = processing;
    }

    /** The documents of a batch that Elasticsearch refused: their events go to the catalogue's dead letters. */
    private void park(String programId, List<EventMessage<?>> events, RuntimeException cause) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.getObject().deadLetterQueue(PROCESSING_GROUP)
                                                                    .orElseThrow(() -> cause);
        events.forEach(event -> queue.enqueue(programId, new GenericDeadLetter<>(programId, event, cause)));
    }

    @EventHandler
    void on(MiniProgramRegisteredEvent event, TrackingToken token, @Timestamp Instant at) {
        write(CatalogueDocument.of(ProgramState.registered(event, at), null, Popularity.NONE), position(token));
    }

    /**
     * Every other event of the program aggregate: the read side's fold ({@link ProgramState}) says what it changes.
     * Installs and ratings have handlers of their own below, which Axon prefers as the more specific ones.
     */
    @EventHandler
    void on(ProgramEvent event, TrackingToken token, @Timestamp Instant at) {
        boolean release = event instanceof VersionReleasedEvent || event instanceof ReleaseRolledBackEvent;
        update(event.programId(), token, p -> ProgramState.apply(p, event, at), release ? at : null);
    }

    @EventHandler
    void on(MiniProgramInstalledEvent event, TrackingToken token) {
        popularity.install(event.programId(), event.userId());
        refreshPopularity(event.programId(), token);
    }

    @EventHandler
    void on(MiniProgramUninstalledEvent event, TrackingToken token) {
        popularity.uninstall(event.programId(), event.userId());
        refreshPopularity(event.programId(), token);
    }

    @EventHandler
    void on(MiniProgramRatedEvent event, TrackingToken token, @Timestamp Instant at) {
        popularity.saveRating(new RatingView(event.ratingId(), event.programId(), event.userId(), event.stars(),
                                             event.text(), null, false, 0, at, at));
        refreshPopularity(event.programId(), token);
    }

    @EventHandler
    void on(RatingEditedEvent event, TrackingToken token, @Timestamp Instant at) {
        RatingView r = changeRating(event.ratingId(), at, old -> rating(old, event.stars(), event.text(), old.reply(),
                                                                         old.hidden(), old.flagCount(), at));
        refreshPopularity(r.miniProgramId(), token);
    }

    /** A reply changes no figure of the program, so its document is left alone. */
    @EventHandler
    void on(RatingReplyPostedEvent event, @Timestamp Instant at) {
        changeRating(event.ratingId(), at, r -> rating(r, r.stars(), r.text(), event.reply(), r.hidden(),
                                                       r.flagCount(), at));
    }

    /** Nor does a flag. */
    @EventHandler
    void on(RatingFlaggedEvent event, @Timestamp Instant at) {
        changeRating(event.ratingId(), at, r -> rating(r, r.stars(), r.text(), r.reply(), r.hidden(),
                                                       event.flagCount(), at));
    }

    @EventHandler
    void on(RatingHiddenEvent event, TrackingToken token, @Timestamp Instant at) {
        RatingView r = changeRating(event.ratingId(), at, old -> rating(old, old.stars(), old.text(), old.reply(),
                                                                         true, old.flagCount(), at));
        refreshPopularity(r.miniProgramId(), token);
    }

    @EventHandler
    void on(RatingRestoredEvent event, TrackingToken token, @Timestamp Instant at) {
        RatingView r = changeRating(event.ratingId(), at, old -> rating(old, old.stars(), old.text(), old.reply(),
                                                                         false, old.flagCount(), at));
        refreshPopularity(r.miniProgramId(), token);
    }

    /** A replay starts from an empty index and empty popularity tables. */
    @ResetHandler
    void prepareForReplay() {
        popularity.clear();
        index.recreate();
    }

    private RatingView changeRating(String ratingId, Instant at, UnaryOperator<RatingView> change) {
        RatingView current = popularity.rating(ratingId);
        if (current == null) {
            throw new IllegalStateException("No rating " + ratingId + " to change at " + at);
        }
        RatingView changed = change.apply(current);
        popularity.saveRating(changed);
        return changed;
    }

    private static RatingView rating(RatingView r, int stars, String text, String reply, boolean hidden,
                                     int flagCount, Instant at) {
        return new RatingView(r.id(), r.miniProgramId(), r.userId(), stars, text, reply, hidden, flagCount,
                              r.createdAt(), at);
    }

    private void refreshPopularity(String programId, TrackingToken token) {
        Popularity figures = popularity.popularity(programId);
        apply(programId, token, document -> document.withPopularity(figures));
    }

    private void update(String programId, TrackingToken token, UnaryOperator<MiniProgramView> change,
                        Instant releasedAt) {
        apply(programId, token, document -> document.withProgram(change.apply(document.program()),
                                                                 releasedAt != null ? releasedAt : document.releasedAt()));
    }

    private void apply(String programId, TrackingToken token, UnaryOperator<CatalogueDocument> change) {
        long version = position(token);
        CatalogueWrites batch = CatalogueWrites.ofCurrentBatch(client, index.alias(), this::park);
        CatalogueWrites.Pending current = batch != null ? batch.document(programId)
                : CatalogueWrites.stored(client, index.alias(), programId);
        if (current == null) {
            throw new IllegalStateException("Catalogue has no document for program " + programId
                                            + " to apply the event at position " + version + " to");
        }
        if (current.version() >= version) {
            return;
        }
        write(change.apply(current.document()), version);
    }

    /**
     * Writes with the batch (one bulk request when it commits), or at once outside a batch. Elasticsearch refuses a
     * version it already holds or a later one (a 409: already applied).
     */
    private void write(CatalogueDocument document, long version) {
        CatalogueWrites batch = CatalogueWrites.ofCurrentBatch(client, index.alias(), this::park);
        if (batch != null) {
            batch.put(document, version);
        } else {
            CatalogueWrites.writeOrFail(client, index.alias(), List.of(new CatalogueWrites.Pending(document, version)));
        }
    }

    /**
     * Documents are versioned by the event's position in the global stream: every event that touches a program
     * (its own, or an install or rating of it) is handled in stream order by one segment, so a later event always
     * carries a higher version, and one applied before (after a crash or during a replay) is refused.
     */
    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a stream position"));
    }
}
