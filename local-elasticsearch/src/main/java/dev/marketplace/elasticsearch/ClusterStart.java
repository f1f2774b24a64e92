package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one or more nodes forming one cluster on loopback, from the distribution unpacked once (see
 * {@link Distribution}) and a JDK the distribution can run on (see {@link JavaHome}).
 *
 * <p>One node runs as {@code discovery.type=single-node}; several find each other through
 * {@code discovery.seed_hosts} (every node's transport port) and elect their first master among all of them
 * ({@code cluster.initial_master_nodes}). All nodes are launched before any is awaited, since a node of a
 * cluster is not healthy until enough of the others have joined.
 */
final class ClusterStart {

    private static final Logger log = LoggerFactory.getLogger(ClusterStart.class);
    private static final int MAX_CLUSTER_SIZE = 9;
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    private ClusterStart() {
    }

    /** Returns once each of the {@code size} nodes reports yellow or green health; stops them all if one fails. */
    static List<LocalElasticsearch> start(LocalElasticsearchOptions options, int size) {
        if (size < 1 || size > MAX_CLUSTER_SIZE) {
            throw new IllegalArgumentException("a local Elasticsearch cluster has 1 to " + MAX_CLUSTER_SIZE
                    + " nodes, not " + size);
        }
        long started = System.nanoTime();
        Path home = Distribution.install(options.distribution(), options.version(), options.workDir());
        Path javaHome = JavaHome.find(System.getenv("ES_JAVA_HOME"), JavaHome.DEFAULT_SEARCH_DIR,
                JavaHome.minimumFor(options.version()));
        Path nodesDir = options.workDir().resolve("nodes");
        if (REAPED.compareAndSet(false, true)) { // once per JVM: later starts only find this JVM's own nodes
            OrphanReaper.reap(nodesDir);
        }
        List<LocalElasticsearch> nodes = new ArrayList<>();
        try {
            for (NodeLaunch launch : launches(size)) {
                nodes.add(LocalElasticsearch.launch(options, home, javaHome, nodesDir, launch));
            }
            for (LocalElasticsearch node : nodes) {
                node.awaitHealthy(options.startupTimeout());
            }
        } catch (RuntimeException e) {
            nodes.parallelStream().forEach(LocalElasticsearch::stop);
            throw e;
        }
        for (LocalElasticsearch node : nodes) {
            log.info("Local Elasticsearch {} ({}) is up at {} after {} ms (pid {}, folder {})", options.version(),
                     node.name(), node.httpUri(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                     node.process().pid(), node.workingFolder());
        }
        return List.copyOf(nodes);
    }

    /** A fresh cluster name (so nodes of another cluster never join), node names and loopback ports. */
    private static List<NodeLaunch> launches(int size) {
        String cluster = "marketplace-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        int[] ports = freeLoopbackPorts(2 * size);
        List<String> names = new ArrayList<>();
        List<String> transports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add(size == 1 ? cluster : cluster + "-" + (i + 1));
            transports.add("127.0.0.1:" + ports[2 * i + 1]);
        }
        List<String> discovery = size == 1 ? List.of("-Ediscovery.type=single-node")
                : List.of("-Ediscovery.seed_hosts=" + String.join(",", transports),
                          "-Ecluster.initial_master_nodes=" + String.join(",", names));
        List<NodeLaunch> launches = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            launches.add(new NodeLaunch(cluster, names.get(i), ports[2 * i], ports[2 * i + 1], discovery));
        }
        return launches;
    }

    /** Ports the OS reports free on 127.0.0.1; all sockets stay open until all are chosen, so they differ. */
    private static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new LocalElasticsearchException("Could not find a free port on 127.0.0.1: " + e, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }
}
