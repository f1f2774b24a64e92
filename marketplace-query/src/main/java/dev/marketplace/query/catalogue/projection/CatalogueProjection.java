package dev.marketplace.query.catalogue.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.developer.DeveloperEvent;
import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.api.program.ProgramState;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RatingEditedEvent;
import dev.marketplace.api.rating.RatingFlaggedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.rating.RatingView;
import dev.marketplace.query.catalogue.index.CatalogueDocument;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.shared.Replays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Projects program, install, rating and developer events into the catalogue index: one document per program,
 * id = program id. A program's own events are applied in its aggregate's sequence, which the document records, so
 * one applied before (after a crash, or a dead letter retried) is skipped. Installs and ratings are kept as rows
 * ({@link PopularityStore}) in the processor's own transaction and the figures recomputed from them, so applying one
 * again changes nothing. A batch of events reaches Elasticsearch as one bulk request ({@link CatalogueWrites}), which
 * also says what makes a write newer.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
class CatalogueProjection {

    static final String PROCESSING_GROUP = "catalogue";
    private static final String DEVELOPERS_LOCKED = CatalogueProjection.class.getName() + ".developersLocked";

    private final ElasticsearchClient client;
    private final CatalogueIndex index;
    private final PopularityStore popularity;

    private final ObjectProvider<EventProcessingConfiguration> processing;
    /** The processor this instance runs in: the live one, or a rebuild's (its own dead letters). */
    private final String group;
    /** The alias writes go to: the live index's, or a rebuild's building index's. */
    private final String writeAlias;
    /**
     * Told after each write: the live index is refreshed soon after (a replay's writes within seconds), a rebuild's
     * index is left alone.
     */
    private final Runnable written;

    @Autowired
    CatalogueProjection(ElasticsearchClient client, CatalogueIndex index, PopularityStore popularity,
                        ObjectProvider<EventProcessingConfiguration> processing) {
        this(client, index, popularity, processing, PROCESSING_GROUP, index.alias());
    }

    /** The same projection for another processor, writing to another index and popularity tables. */
    CatalogueProjection(ElasticsearchClient client, CatalogueIndex index, PopularityStore popularity,
                        ObjectProvider<EventProcessingConfiguration> processing, String group,
                        String writeAlias) {
        this.client = client;
        this.index = index;
        this.popularity = popularity;
        this.processing = processing;
        this.group = group;
        this.writeAlias = writeAlias;
        this.written = writeAlias.equals(index.alias()) ? this::writtenToLiveIndex : () -> { };
    }

    /**
     * Live writes are made searchable soon ({@link CatalogueIndex#written}); a replay's, which rewrite every document
     * from the first event, at most every few seconds ({@link CatalogueIndex#writtenByReplay}); the replay's last
     * batch of a segment turns the index's periodic refresh back on.
     */
    private void writtenToLiveIndex() {
        BatchingUnitOfWork<?> batch = CatalogueWrites.currentBatch();
        Message<?> last = batch == null ? null : batch.getMessages().get(batch.getMessages().size() - 1);
        if (last != null && ReplayToken.isReplay(last)) {
            index.writtenByReplay(reachedResetPosition(last));
        } else {
            index.written();
        }
    }

    /**
     * Whether a replayed event is the one the replay was reset at, or beyond it: the replay has then caught up in
     * its segment, though Axon calls the events replayed until a later one arrives.
     */
    static boolean reachedResetPosition(Message<?> replayed) {
        return replayed instanceof TrackedEventMessage<?> tracked
               && tracked.trackingToken() instanceof ReplayToken replay
               && Replays.reachedResetPosition(replay.position(), replay.getTokenAtReset().position());
    }

    /** The documents of a batch that Elasticsearch refused: their events go to the catalogue's dead letters. */
    private void park(String programId, List<EventMessage<?>> events, RuntimeException cause) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.getObject().deadLetterQueue(group)
                                                                    .orElseThrow(() -> cause);
        events.forEach(event -> queue.enqueue(programId, new GenericDeadLetter<>(programId, event, cause)));
    }

    @EventHandler
    void on(MiniProgramRegisteredEvent event, EventMessage<?> message, @Timestamp Instant at) {
        long sequence = aggregateSequence(message);
        Map<String, DeveloperView> lockedByBatch = developersOfBatch();
        DeveloperView developer = lockedByBatch != null ? lockedByBatch.get(event.developerId())
                : popularity.registerProgram(event.programId(), event.developerId());
        applyProgramEvent(event.programId(), sequence, current -> CatalogueDocument.of(
                ProgramState.registered(event, at), sequence, null, Popularity.NONE, developer));
    }

    /**
     * A developer's profile or badge changed: every document of theirs shows it. Their row is locked first, so a
     * program being registered on another segment is either already committed (and found here) or registers after
     * this commits (and reads the new profile).
     */
    @EventHandler
    void on(DeveloperEvent event) {
        Map<String, DeveloperView> lockedByBatch = developersOfBatch();
        DeveloperView before = lockedByBatch != null ? lockedByBatch.get(event.developerId())
                : popularity.lockDeveloper(event.developerId());
        DeveloperView after = DeveloperProfiles.apply(before, event);
        popularity.saveDeveloper(after);
        if (lockedByBatch != null) {
            lockedByBatch.put(after.id(), after);
        }
        for (String programId : popularity.programsOf(event.developerId())) {
            CatalogueWrites.Pending current = current(programId);
            if (current != null) {
                write(current.document().withDeveloper(after), current.version());
            }
        }
    }

    /**
     * Every other event of the program aggregate: the read side's fold ({@link ProgramState}) says what it changes.
     * Installs and ratings have handlers of their own below, which Axon prefers as the more specific ones.
     */
    @EventHandler
    void on(ProgramEvent event, EventMessage<?> message, @Timestamp Instant at) {
        long sequence = aggregateSequence(message);
        boolean release = event instanceof VersionReleasedEvent || event instanceof ReleaseRolledBackEvent;
        applyProgramEvent(event.programId(), sequence, current -> {
            if (current == null) {
                throw new IllegalStateException("Catalogue has no document for program " + event.programId()
                                                + " to apply its event " + sequence + " to");
            }
            return current.withProgram(ProgramState.apply(current.program(), event, at), sequence,
                                       release ? at : current.releasedAt());
        });
    }

    @EventHandler
    void on(MiniProgramInstalledEvent event) {
        popularity.install(event.programId(), event.userId());
        refreshPopularity(event.programId());
    }

    @EventHandler
    void on(MiniProgramUninstalledEvent event) {
        popularity.uninstall(event.programId(), event.userId());
        refreshPopularity(event.programId());
    }

    @EventHandler
    void on(MiniProgramRatedEvent event, @Timestamp Instant at) {
        popularity.saveRating(new RatingView(event.ratingId(), event.programId(), event.userId(), event.stars(),
                                             event.text(), null, false, 0, at, at));
        refreshPopularity(event.programId());
    }

    @EventHandler
    void on(RatingEditedEvent event, @Timestamp Instant at) {
        RatingView r = changeRating(event.ratingId(), at, old -> rating(old, event.stars(), event.text(), old.reply(),
                                                                         old.hidden(), old.flagCount(), at));
        refreshPopularity(r.miniProgramId());
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
    void on(RatingHiddenEvent event, @Timestamp Instant at) {
        RatingView r = changeRating(event.ratingId(), at, old -> rating(old, old.stars(), old.text(), old.reply(),
                                                                         true, old.flagCount(), at));
        refreshPopularity(r.miniProgramId());
    }

    @EventHandler
    void on(RatingRestoredEvent event, @Timestamp Instant at) {
        RatingView r = changeRating(event.ratingId(), at, old -> rating(old, old.stars(), old.text(), old.reply(),
                                                                         false, old.flagCount(), at));
        refreshPopularity(r.miniProgramId());
    }

    /**
     * A replay starts from an empty index and empty popularity tables. A rebuild's processor is never reset (a
     * rebuild starts it from the first event with empty tables and a new index), so only the live one recreates.
     */
    @ResetHandler
    void prepareForReplay() {
        popularity.clear();
        if (PROCESSING_GROUP.equals(group)) {
            index.recreate();
        }
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

    private void refreshPopularity(String programId) {
        Popularity figures = popularity.popularity(programId);
        CatalogueWrites.Pending current = current(programId);
        if (current == null) {
            throw new IllegalStateException("Catalogue has no document for program " + programId
                                            + " to show its installs and ratings in");
        }
        write(current.document().withPopularity(figures), current.version());
    }

    /**
     * Applies an event of the program's own stream unless the document already holds it: the aggregate's sequence
     * grows with each of its events and they arrive in that order, so a sequence at or below the document's one
     * was applied before (the batch handled again after a crash, a dead letter retried).
     */
    private void applyProgramEvent(String programId, long sequence, UnaryOperator<CatalogueDocument> change) {
        CatalogueWrites.Pending current = current(programId);
        if (current != null && current.document().programSequence() >= sequence) {
            return;
        }
        write(change.apply(current == null ? null : current.document()), current == null ? 0 : current.version());
    }

    /**
     * The event's place in its program's own stream. Program events are only ever raised by the program aggregate;
     * one without a place cannot be ordered against the document, so it fails (and is parked) rather than being
     * applied or skipped on a guess. Not {@code @SequenceNumber}: Axon would skip the handler for such an event.
     */
    private static long aggregateSequence(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain.getSequenceNumber();
        }
        throw new IllegalStateException("Program event " + message.getPayloadType().getSimpleName()
                                        + " has no place in its program's stream (not raised by the aggregate)");
    }

    /**
     * The developers this batch's events lock, locked before the first event that needs one: every one of them, in the
     * order of their ids, so two segments never wait for each other's developers in opposite orders
     * ({@link PopularityStore#lockDevelopers}: those whose profile the batch changes exclusively, those it only
     * registers programs for shared), with the batch's registrations recorded at the same time. The answer
     * holds them as this batch leaves them, for its later events; null outside a batch (a dead letter retried), where
     * one event locks one row.
     */
    private Map<String, DeveloperView> developersOfBatch() {
        BatchingUnitOfWork<?> batch = CatalogueWrites.currentBatch();
        if (batch == null) {
            return null;
        }
        return batch.getOrComputeResource(DEVELOPERS_LOCKED, key -> {
            Map<String, String> developerByProgram = new HashMap<>();
            List<String> changing = new ArrayList<>();
            for (Message<?> message : batch.getMessages()) {
                if (message.getPayload() instanceof MiniProgramRegisteredEvent registered) {
                    developerByProgram.put(registered.programId(), registered.developerId());
                } else if (message.getPayload() instanceof DeveloperEvent developerEvent) {
                    changing.add(developerEvent.developerId());
                }
            }
            return new HashMap<>(popularity.lockDevelopers(changing, developerByProgram));
        });
    }

    /** The program's document as this batch sees it (or as stored, outside a batch); null when there is none. */
    private CatalogueWrites.Pending current(String programId) {
        CatalogueWrites batch = CatalogueWrites.ofCurrentBatch(client, writeAlias, this::park, written);
        return batch != null ? batch.document(programId) : CatalogueWrites.stored(client, writeAlias, programId);
    }

    /**
     * Writes with the batch (one bulk request when it commits), or at once outside a batch, as the version after the
     * one the document was read at.
     */
    private void write(CatalogueDocument document, long readAt) {
        CatalogueWrites batch = CatalogueWrites.ofCurrentBatch(client, writeAlias, this::park, written);
        if (batch != null) {
            batch.put(document, readAt);
        } else {
            CatalogueWrites.writeOrFail(client, writeAlias, List.of(new CatalogueWrites.Pending(document, readAt)),
                                        written);
        }
    }
}
