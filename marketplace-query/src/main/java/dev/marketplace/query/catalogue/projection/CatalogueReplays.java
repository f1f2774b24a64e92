package dev.marketplace.query.catalogue.projection;

import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.shared.Replays;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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
public class CatalogueReplays extends Replays {

    /** The processor that keeps the live index current. */
    public static final String LIVE_PROCESSOR = CatalogueProjection.PROCESSING_GROUP;
    /** The processor that builds a new index behind the live one (dev.marketplace.query.rebuild). */
    public static final String REBUILD_PROCESSOR = "catalogue-rebuild";

    private static final Logger log = LoggerFactory.getLogger(CatalogueReplays.class);

    private final CatalogueIndex index;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokenSchema;
    private final PopularityStore popularity;

    public CatalogueReplays(EventProcessingConfiguration processing, CatalogueIndex index, TokenStore tokens,
                            JdbcTemplate jdbc, TokenSchema tokenSchema, PopularityStore popularity) {
        super(processing, LIVE_PROCESSOR);
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
}
