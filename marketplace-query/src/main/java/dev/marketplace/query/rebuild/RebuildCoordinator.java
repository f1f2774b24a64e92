package dev.marketplace.query.rebuild;

import static dev.marketplace.query.catalogue.projection.CatalogueReplays.LIVE_PROCESSOR;
import static dev.marketplace.query.catalogue.projection.CatalogueReplays.REBUILD_PROCESSOR;

import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.PopularityStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the cluster's catalogue rebuild from every node, each looking at the rebuild's row every poll interval:
 * <ul>
 * <li>RUNNING: every node runs the rebuild processor, so its segments go on on another node when one dies (token
 * claims time out). The live processor keeps the old index current meanwhile. Once every rebuild segment has
 * passed the head the stream had at the start, the first node to see it moves the row to SWITCHING.</li>
 * <li>SWITCHING: every node pauses its live processor; when no live segment is claimed any more, the live tokens stand
 * still and the rebuild goes on until every one of its segments has passed every live one, so the new index holds
 * all the old one does. Then the nodes stop the rebuild processor and, once none holds a rebuild segment, one node
 * (the row lock decides) hands over in one transaction: the live processor gets the rebuild's token positions, the
 * popularity rows are swapped, and, last, the read alias moves in one atomic Elasticsearch update.</li>
 * <li>DONE: the nodes restart the live processors they paused; it goes on from exactly where the new index ends,
 * into the new index, so events that arrived during the switch reach it. The old index goes after the grace.</li>
 * </ul>
 * Why pause rather than let the rebuild processor carry on as the live one: processors are named in configuration,
 * tokens, dead letters and the balancer; moving tokens keeps the live processor the live one, and the pause lasts only
 * as long as the rebuild needs to pass the few events the live one was ahead. Searches are answered throughout.
 * Should the switch fail after the alias moved but before the commit, the next attempt moves it again, harmlessly.
 */
@Component
class RebuildCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildCoordinator.class);

    private final RebuildRecords records;
    private final RebuildTokens tokens;
    private final BuildingIndex building;
    private final CatalogueIndex index;
    private final CatalogueRebuilds rebuilds;
    private final PopularityStore live;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final RebuildProperties properties;
    private final RebuildGate gate;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    /** The live processor was paused by this node for a switch, and is to be started again by it. */
    private boolean pausedLive;

    RebuildCoordinator(RebuildRecords records, RebuildTokens tokens, BuildingIndex building, CatalogueIndex index,
                       CatalogueRebuilds rebuilds, PopularityStore live, EventProcessingConfiguration processing,
                       TransactionTemplate transactions, RebuildProperties properties, RebuildGate gate) {
        this.records = records;
        this.tokens = tokens;
        this.building = building;
        this.index = index;
        this.rebuilds = rebuilds;
        this.live = live;
        this.processing = processing;
        this.transactions = transactions;
        this.properties = properties;
        this.gate = gate;
    }

    synchronized void tick() {
        Optional<RebuildRecord> found = records.find();
        RebuildState state = found.map(RebuildRecord::state).orElse(null);
        if (state == RebuildState.RUNNING || state == RebuildState.SWITCHING) {
            RebuildRecord record = found.get();
            if (!building.ensure(record.buildingIndex())) {
                gate.close();
                records.failed("The building index " + record.buildingIndex() + " disappeared");
                log.error("Catalogue rebuild failed: its index {} disappeared", record.buildingIndex());
                return;
            }
            gate.open();
            if (state == RebuildState.RUNNING) {
                whileRunning(record);
            } else {
                whileSwitching(record);
            }
            return;
        }
        gate.close();
        if (pausedLive) {
            processor(LIVE_PROCESSOR).start();
            pausedLive = false;
        }
        found.filter(r -> r.state() == RebuildState.DONE && r.oldIndex() != null
                          && !clock.instant().isBefore(r.switchedAt().plus(properties.grace())))
             .ifPresent(this::deleteOldIndex);
    }

    private void whileRunning(RebuildRecord record) {
        start(REBUILD_PROCESSOR);
        List<Long> positions = tokens.positions(REBUILD_PROCESSOR);
        if (!positions.isEmpty() && positions.stream().allMatch(p -> p >= record.total())
            && records.advance(RebuildState.RUNNING, RebuildState.SWITCHING, String.join(",", building.live()))) {
            log.info("Catalogue rebuild into {} has caught up; pausing the live processor to switch",
                     record.buildingIndex());
        }
    }

    private void whileSwitching(RebuildRecord record) {
        StreamingEventProcessor liveProcessor = processor(LIVE_PROCESSOR);
        if (liveProcessor.isRunning()) {
            liveProcessor.shutDown();
            pausedLive = true;
        }
        if (tokens.claimed(LIVE_PROCESSOR)) {
            return;
        }
        long liveAt = tokens.positions(LIVE_PROCESSOR).stream().mapToLong(Long::longValue).max().orElse(-1);
        if (tokens.positions(REBUILD_PROCESSOR).stream().anyMatch(p -> p < liveAt)) {
            start(REBUILD_PROCESSOR);
            return;
        }
        StreamingEventProcessor rebuildProcessor = processor(REBUILD_PROCESSOR);
        if (rebuildProcessor.isRunning()) {
            rebuildProcessor.shutDown();
        }
        if (tokens.claimed(REBUILD_PROCESSOR)) {
            return;
        }
        building.finish(record.buildingIndex());
        transactions.executeWithoutResult(status -> {
            if (records.lock().filter(r -> r.state() == RebuildState.SWITCHING).isEmpty()
                || tokens.claimed(LIVE_PROCESSOR) || tokens.claimed(REBUILD_PROCESSOR)) {
                return;
            }
            tokens.handOver(REBUILD_PROCESSOR, LIVE_PROCESSOR);
            PopularityStore rebuilt = live.rebuilding();
            live.replaceWith(rebuilt);
            rebuilt.clear();
            records.switched(clock.instant());
            building.takeOver(record.buildingIndex(), BuildingIndex.names(record.oldIndex()));
            log.info("Catalogue index {} now serves (was {}); the old one goes after {}", record.buildingIndex(),
                     record.oldIndex(), properties.grace());
        });
    }

    private void deleteOldIndex(RebuildRecord record) {
        building.delete(BuildingIndex.names(record.oldIndex()));
        records.oldIndexDeleted();
        log.info("Deleted the catalogue's old index {} after the grace period", record.oldIndex());
    }

    private void start(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .orElseThrow(() -> new IllegalStateException("no event processor " + name));
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The row and the tokens are unchanged by a failed step; the next tick tries it again.
            log.warn("Catalogue rebuild step failed, tried again in {}: {}", properties.pollInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        rebuilds.rebuildIfMappingsChanged();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "catalogue-rebuild"));
        scheduler.scheduleWithFixedDelay(this::safeTick, 0, properties.pollInterval().toMillis(),
                                         TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** After Axon's processors have started, so this node can pause and start them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
