package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server running as a child process, bound to 127.0.0.1 only: one node, from its launch to
 * its stop.
 *
 * <p>Why: the query side is only trustworthy when tested against the server it runs on in
 * production, and a developer should get a working app from {@code mvn spring-boot:run} without
 * installing anything. The server is the official distribution zip that Maven already fetched; it
 * is unpacked once per version (see {@link Distribution}) and each node gets a throw-away working
 * folder (see {@link NodeFolder}).
 *
 * <p>Use {@link #shared()} for the node the app and all tests of one JVM share, {@link #start} for a private
 * node, or {@link #startCluster} for several nodes forming one cluster (see {@link ClusterStart}). Every node is
 * stopped by a JVM shutdown hook (see {@link RunningNodes}); nodes left behind by a JVM killed with
 * {@code kill -9} are cleaned up by the next start (see {@link OrphanReaper}).
 */
public final class LocalElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final NodeFolder folder;
    private final Process process;
    private final int httpPort;
    private final List<ProcessHandle> knownProcesses = new ArrayList<>();
    private volatile boolean stopped;

    private LocalElasticsearch(String name, NodeFolder folder, Process process, int httpPort) {
        this.name = name;
        this.folder = folder;
        this.process = process;
        this.httpPort = httpPort;
    }

    /** The node shared by this JVM, started with {@link LocalElasticsearchOptions#defaults()} on first use. */
    public static LocalElasticsearch shared() {
        return shared(LocalElasticsearchOptions.defaults());
    }

    /**
     * The node shared by this JVM, started with {@code options} on first use; later calls return the
     * same node and ignore their options. A failed start is remembered, so a test suite fails fast
     * instead of waiting for the start-up timeout in every test class.
     */
    public static LocalElasticsearch shared(LocalElasticsearchOptions options) {
        return RunningNodes.shared(options);
    }

    /**
     * The cluster of {@code size} nodes shared by this JVM, started on first use; later calls return it while all
     * of its nodes run, and start a new one otherwise.
     */
    public static List<LocalElasticsearch> sharedCluster(LocalElasticsearchOptions options, int size) {
        return RunningNodes.sharedCluster(options, size);
    }

    /** Starts an independent node and returns once it reports yellow or green health. */
    public static LocalElasticsearch start(LocalElasticsearchOptions options) {
        return startCluster(options, 1).get(0);
    }

    /**
     * Starts {@code size} nodes forming one cluster on loopback and returns once each reports yellow or green
     * health. Each node can be stopped on its own.
     */
    public static List<LocalElasticsearch> startCluster(LocalElasticsearchOptions options, int size) {
        return ClusterStart.start(options, size);
    }

    /**
     * Starts the node's process from the distribution in {@code home} with a working folder under
     * {@code nodesDir}, and registers it to be stopped with the JVM. It is not healthy yet: see
     * {@link #awaitHealthy}.
     */
    static LocalElasticsearch launch(LocalElasticsearchOptions options, Path home, Path javaHome, Path nodesDir,
                                     NodeLaunch launch) {
        NodeFolder folder;
        Process process;
        try {
            folder = NodeFolder.create(nodesDir, launch.name(), home);
        } catch (IOException e) {
            throw new LocalElasticsearchException("Could not create a node folder in " + nodesDir + ": " + e
                    + " (-D" + LocalElasticsearchOptions.WORK_DIR_PROPERTY + " chooses another place)", e);
        }
        try {
            process = launch.start(options, home, javaHome, folder);
        } catch (IOException | RuntimeException e) {
            folder.delete();
            throw e instanceof LocalElasticsearchException l ? l
                    : new LocalElasticsearchException("Could not start Elasticsearch from " + home + ": " + e, e);
        }
        LocalElasticsearch node = new LocalElasticsearch(launch.name(), folder, process, launch.httpPort());
        RunningNodes.add(node);
        return node;
    }

    /** The HTTP address, for example {@code http://127.0.0.1:9273}. */
    public String httpUri() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The {@code bin/elasticsearch} process; the server JVM is one of its descendants. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isRunning() {
        return !stopped && process.isAlive();
    }

    /**
     * Stops the node and every process it started (gracefully, then forcibly after 30 s), waits for
     * them to exit and deletes the node's working folder. Idempotent.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        RunningNodes.remove(this);
        List<ProcessHandle> alive;
        synchronized (knownProcesses) {
            alive = ProcessTree.stop(process.toHandle(), knownProcesses, STOP_GRACE);
        }
        if (!alive.isEmpty()) { // keep the folder and its pid file: the next start reaps them
            log.warn("Elasticsearch node {} left processes {} running", name, alive.stream().map(ProcessHandle::pid).toList());
            return;
        }
        if (!folder.delete()) {
            log.warn("Could not delete the working folder {} of Elasticsearch node {}", folder.root(), name);
        }
        log.info("Stopped local Elasticsearch {} at {}", name, httpUri());
    }

    String name() {
        return name;
    }

    Path workingFolder() {
        return folder.root();
    }

    @Override
    public String toString() {
        return "LocalElasticsearch[" + name + " at " + httpUri() + (isRunning() ? "" : ", stopped") + "]";
    }

    /**
     * Polls cluster health every 250 ms until yellow, the process dies, or the timeout passes. The processes it
     * started are recorded before and after, so stop() and the orphan reaper find the server JVM too.
     */
    void awaitHealthy(Duration timeout) {
        rememberProcesses();
        pollHealth(timeout);
        rememberProcesses();
    }

    private void pollHealth(Duration timeout) {
        HttpClient client = HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(httpUri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (answers200(client, health)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure("did not report yellow health at " + httpUri() + " within " + timeout);
            }
            try {
                process.onExit().get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                throw failure("exited with code " + process.exitValue() + " before it became healthy");
            } catch (TimeoutException stillStarting) {
                // poll again
            } catch (ExecutionException e) {
                throw failure("could not be watched: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("start-up was interrupted");
            }
        }
    }

    private static boolean answers200(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private LocalElasticsearchException failure(String reason) {
        return new LocalElasticsearchException("Local Elasticsearch node " + name + " (pid " + process.pid() + ") "
                + reason + ".\n" + folder.logTail(name, LOG_TAIL_LINES));
    }

    /**
     * Records the launcher and whatever it started (the server JVM, once up) here and in the pid file,
     * so stop() and the orphan reaper find them even after they get re-parented.
     */
    private void rememberProcesses() {
        List<ProcessHandle> all = new ArrayList<>();
        synchronized (knownProcesses) {
            process.toHandle().descendants().filter(p -> !knownProcesses.contains(p)).forEach(knownProcesses::add);
            all.add(process.toHandle());
            all.addAll(knownProcesses);
        }
        try {
            folder.recordProcesses(all);
        } catch (IOException e) {
            log.warn("Could not update the pid file of Elasticsearch node {}: {}", name, e.toString());
        }
    }
}
