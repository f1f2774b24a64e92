package dev.marketplace.app.cluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shares streaming-processor segments among the nodes that run now. Axon's token store already makes a segment
 * belong to one node at a time and lets idle nodes take the segments of a dead one once its claim times out; what
 * it lacks without Axon Server is handing work to a node that joins later. So every heartbeat, each node refreshes
 * its {@code cluster_node} row, counts the live nodes, and releases the segments above its fair share
 * ({@link SegmentShares}) for a while, long enough for the newcomer's idle processor threads to claim them.
 * On a graceful stop the node deletes its row first, so the others count it out at once.
 */
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ClusterNodes nodes;
    private final ClusterProperties properties;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private ScheduledExecutorService scheduler;

    SegmentBalancer(ClusterNodes nodes, ClusterProperties properties, EventProcessingConfiguration processing,
                    TokenStore tokens) {
        this.nodes = nodes;
        this.properties = properties;
        this.processing = processing;
        this.tokens = tokens;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "segment-balancer"));
        long period = properties.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
        log.info("Node {} shares the segments of {} with the other live nodes", properties.nodeId(), properties.processors());
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            // A heartbeat still running could write the row again after it is deleted.
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The heartbeat of node {} did not stop within 5 s", properties.nodeId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        try {
            nodes.leave(properties.nodeId());
        } catch (RuntimeException e) {
            log.warn("Node {} could not remove its heartbeat row; the others count it out after {}: {}",
                     properties.nodeId(), properties.nodeTimeout(), e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops before the event processors (and the web server), so the others stop counting this node first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    void beat() {
        try {
            nodes.beat(properties.nodeId());
            nodes.forgetGone(properties.nodeTimeout());
            List<String> live = nodes.live(properties.nodeTimeout());
            for (String name : properties.processors()) {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(p -> balance(name, p, live));
            }
        } catch (RuntimeException e) {
            // A database hiccup only delays the next rebalance; the token claims themselves stay safe.
            log.warn("Heartbeat of node {} failed: {}", properties.nodeId(), e.toString());
        }
    }

    private void balance(String name, StreamingEventProcessor processor, List<String> live) {
        SegmentShares shares = new SegmentShares(tokens.fetchSegments(name).length, live, nodes.claimsByOwner(name));
        int surplus = shares.surplusOf(properties.nodeId());
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int i = 0; i < surplus && i < held.size(); i++) {
            int segment = held.get(held.size() - 1 - i);
            log.info("Node {} releases segment {} of {} for {}: {} live nodes share {} segments", properties.nodeId(),
                     segment, name, properties.releaseFor(), live.size(), shares.segments());
            processor.releaseSegment(segment, properties.releaseFor().toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
