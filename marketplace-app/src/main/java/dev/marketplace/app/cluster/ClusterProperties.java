package dev.marketplace.app.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node identifies itself to the others and how it shares event-processor segments with them.
 *
 * @param nodeId            owner name in the token store and in {@code cluster_node}; unique per running node
 *                          (default: {@code pid@host}, as Axon names token owners)
 * @param heartbeatInterval how often the node refreshes its row and rebalances
 * @param nodeTimeout       a node whose row is older than this counts as gone; keep it below the token claim
 *                          timeout, so a dead node stops counting before its segments are free to take
 * @param releaseFor        how long a node leaves a segment it gave up, so that another node claims it
 * @param processors        the streaming processors whose segments are shared out
 */
@ConfigurationProperties("marketplace.cluster")
public record ClusterProperties(String nodeId,
                                @DefaultValue("2s") Duration heartbeatInterval,
                                @DefaultValue("6s") Duration nodeTimeout,
                                @DefaultValue("10s") Duration releaseFor,
                                @DefaultValue("catalogue") List<String> processors) {

    public ClusterProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName();
        }
        requirePositive("heartbeat-interval", heartbeatInterval);
        requirePositive("node-timeout", nodeTimeout);
        requirePositive("release-for", releaseFor);
        if (nodeTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("marketplace.cluster.node-timeout (" + nodeTimeout + ") must be at least"
                    + " twice the heartbeat-interval (" + heartbeatInterval + "), or live nodes would count as gone");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("marketplace.cluster." + name + " must be a positive duration, was " + value);
        }
    }
}
