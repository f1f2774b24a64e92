package dev.marketplace.elasticsearch;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes this JVM started and has not stopped yet, and the node (or cluster) the JVM shares among the app and
 * its tests. A shutdown hook stops every node still running, so a JVM that exits normally leaves no server behind.
 */
final class RunningNodes {

    private static final Logger log = LoggerFactory.getLogger(RunningNodes.class);
    private static final Set<LocalElasticsearch> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SHUTDOWN_HOOK = new AtomicBoolean();

    private static LocalElasticsearch shared; // guarded by RunningNodes.class
    private static RuntimeException sharedFailure; // guarded by RunningNodes.class
    private static List<LocalElasticsearch> sharedCluster = List.of(); // guarded by RunningNodes.class

    private RunningNodes() {
    }

    /** See {@link LocalElasticsearch#shared(LocalElasticsearchOptions)}. */
    static synchronized LocalElasticsearch shared(LocalElasticsearchOptions options) {
        if (sharedFailure != null) {
            throw new LocalElasticsearchException("The shared local Elasticsearch failed to start earlier in this JVM: "
                    + sharedFailure.getMessage(), sharedFailure);
        }
        if (shared != null && !shared.isRunning()) {
            log.warn("The shared local Elasticsearch at {} is no longer running; starting a new one", shared.httpUri());
            shared.stop();
            shared = null;
        }
        if (shared == null) {
            try {
                shared = LocalElasticsearch.start(options);
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** See {@link LocalElasticsearch#sharedCluster(LocalElasticsearchOptions, int)}. */
    static synchronized List<LocalElasticsearch> sharedCluster(LocalElasticsearchOptions options, int size) {
        if (sharedCluster.size() != size || !sharedCluster.stream().allMatch(LocalElasticsearch::isRunning)) {
            sharedCluster.forEach(LocalElasticsearch::stop);
            sharedCluster = LocalElasticsearch.startCluster(options, size);
        }
        return sharedCluster;
    }

    static void add(LocalElasticsearch node) {
        RUNNING.add(node);
        if (SHUTDOWN_HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningNodes::stopAll, "local-elasticsearch-stop"));
        }
    }

    static void remove(LocalElasticsearch node) {
        RUNNING.remove(node);
    }

    private static void stopAll() {
        List.copyOf(RUNNING).parallelStream().forEach(LocalElasticsearch::stop);
    }
}
