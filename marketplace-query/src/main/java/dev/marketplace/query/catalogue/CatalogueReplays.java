package dev.marketplace.query.catalogue;

import jakarta.annotation.PostConstruct;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the catalogue from the event store. At start-up it also repairs the one case that would otherwise go
 * unnoticed: the index is gone (a new Elasticsearch, a wiped disk) while the token store says the events were
 * already projected; then the catalogue is replayed from the first event.
 */
@Component
public class CatalogueReplays {

    private static final Logger log = LoggerFactory.getLogger(CatalogueReplays.class);

    private final EventProcessingConfiguration processing;
    private final CatalogueIndex index;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokenSchema;
    private final PopularityStore popularity;

    public CatalogueReplays(EventProcessingConfiguration processing, CatalogueIndex index, TokenStore tokens,
                            JdbcTemplate jdbc, TokenSchema tokenSchema, PopularityStore popularity) {
        this.processing = processing;
        this.index = index;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.tokenSchema = tokenSchema;
        this.popularity = popularity;
    }

    /**
     * Runs while the context starts, before any event processor does: the index must exist before the first write,
     * or Elasticsearch would auto-create a plain index under the alias' name. Dropping the processor's tokens makes
     * it start again from the first event.
     */
    @PostConstruct
    void prepareIndex() {
        boolean created = index.ensureExists();
        if (created && tokens.fetchSegments(CatalogueProjection.PROCESSING_GROUP).length > 0) {
            log.warn("Catalogue index {} was missing but its events were already projected: replaying all",
                     index.alias());
            popularity.clear();
            jdbc.update("delete from " + tokenSchema.tokenTable() + " where " + tokenSchema.processorNameColumn()
                        + " = ?", CatalogueProjection.PROCESSING_GROUP);
        }
    }

    /** Stops the catalogue processor, resets it to the first event (the reset handler empties the index), restarts. */
    public void replay() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        // An explicit tail token: the processor's default initial token is itself a replay token, and resetting
        // to it nests two replay tokens, which never report the replay as finished.
        processor.resetTokens(StreamableMessageSource::createTailToken);
        processor.start();
    }

    /**
     * True when every segment has caught up with the head of the event stream without error. A replay counts as
     * done once it has reached the position it was reset at: Axon itself keeps calling it a replay until an event
     * beyond that position arrives.
     */
    public boolean isCaughtUp() {
        var status = processor().processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                && (!s.isReplaying() || reachedResetPosition(s)));
    }

    private static boolean reachedResetPosition(EventTrackerStatus status) {
        return status.getResetPosition().isPresent() && status.getCurrentPosition().isPresent()
                && status.getCurrentPosition().getAsLong() >= status.getResetPosition().getAsLong();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(CatalogueProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                         .orElseThrow(() -> new IllegalStateException("no catalogue event processor is configured"));
    }
}
