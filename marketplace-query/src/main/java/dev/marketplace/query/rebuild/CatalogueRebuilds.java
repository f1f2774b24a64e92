package dev.marketplace.query.rebuild;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import dev.marketplace.query.catalogue.projection.PopularityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a catalogue rebuild and says how it is going. A rebuild replays every event into a new index, behind the
 * one readers use, with a processor of its own ({@value CatalogueReplays#REBUILD_PROCESSOR}) that has its own tokens
 * and popularity tables; {@link RebuildCoordinator} runs it on every node and hands it over when it has caught up.
 */
@Service
public class CatalogueRebuilds {

    private static final Logger log = LoggerFactory.getLogger(CatalogueRebuilds.class);

    private final RebuildRecords records;
    private final RebuildTokens tokens;
    private final BuildingIndex building;
    private final PopularityStore rebuilding;
    private final EventStore eventStore;
    private final CatalogueIndex index;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    CatalogueRebuilds(RebuildRecords records, RebuildTokens tokens, BuildingIndex building, PopularityStore popularity,
                      EventStore eventStore, CatalogueIndex index, TransactionTemplate transactions) {
        this.index = index;
        this.records = records;
        this.tokens = tokens;
        this.building = building;
        this.rebuilding = popularity.rebuilding();
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /**
     * Starts a rebuild, or refuses with {@link RuleCode#REBUILD_RUNNING} while one is active anywhere in the cluster.
     * The new index is made first (an index nobody names is harmless if the claim then fails); the claim, the
     * rebuild's tokens set back to the first event and its empty tables commit together.
     */
    public CatalogueRebuild start(String startedBy) {
        if (records.find().filter(r -> r.state().isActive()).isPresent()) {
            throw running();
        }
        TrackingToken head = eventStore.createHeadToken();
        long total = head == null ? -1 : head.position().orElse(-1);
        String index = building.create();
        RebuildRecord record = new RebuildRecord(RebuildState.RUNNING, index, null, startedBy, clock.instant(), total,
                                                 null, null);
        Optional<RebuildRecord> previous = records.find();
        boolean claimed = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!records.claim(record)) {
                return false;
            }
            tokens.restartFromFirstEvent(CatalogueReplays.REBUILD_PROCESSOR, CatalogueReplays.LIVE_PROCESSOR);
            rebuilding.clear();
            return true;
        }));
        if (!claimed) {
            building.delete(List.of(index));
            throw running();
        }
        previous.map(RebuildRecord::oldIndex).map(BuildingIndex::names).filter(old -> !old.isEmpty())
                .ifPresent(building::delete);
        log.info("Catalogue rebuild into {} started by {}: {} events to replay", index, startedBy, total);
        return progress().orElseThrow();
    }

    /**
     * Starts a rebuild when the index was made from older mappings (at start-up): the old index serves meanwhile.
     * True when this call started it; another node may have started it already.
     */
    public boolean rebuildIfMappingsChanged() {
        if (!index.hasOutdatedMappings()) {
            return false;
        }
        try {
            start("start-up: mappings changed");
            return true;
        } catch (RuleViolation alreadyRunning) {
            log.info("Catalogue mappings changed; the rebuild already running replaces the index");
            return false;
        }
    }

    /** The latest rebuild, running or finished; empty when there has been none. */
    public Optional<CatalogueRebuild> progress() {
        return records.find().map(this::progress);
    }

    private CatalogueRebuild progress(RebuildRecord r) {
        long processed = switch (r.state()) {
            case RUNNING, FAILED -> Math.max(0, Math.min(r.total(), tokens.positions(CatalogueReplays.REBUILD_PROCESSOR)
                    .stream().mapToLong(Long::longValue).min().orElse(0)));
            case SWITCHING, DONE -> Math.max(0, r.total());
        };
        Instant until = r.switchedAt() != null ? r.switchedAt() : clock.instant();
        double seconds = Math.max(0.001, Duration.between(r.startedAt(), until).toMillis() / 1000.0);
        double perSecond = processed / seconds;
        Long left = r.state() != RebuildState.RUNNING ? Long.valueOf(0)
                : perSecond > 0 ? Long.valueOf(Math.round((r.total() - processed) / perSecond)) : null;
        return new CatalogueRebuild(r.state(), processed, Math.max(0, r.total()), perSecond, left, r.startedBy(),
                                    r.startedAt(), r.switchedAt(), r.buildingIndex(), r.failure());
    }

    private static RuleViolation running() {
        return new RuleViolation(RuleCode.REBUILD_RUNNING, "A catalogue rebuild is already running; watch it with "
                                                           + "catalogueRebuild.");
    }
}
