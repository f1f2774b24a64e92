package dev.marketplace.app.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server running as a child process, bound to 127.0.0.1 only.
 *
 * <p>Why: the query side is only trustworthy when tested against the server it runs on in
 * production, and a developer should get a working app from {@code mvn spring-boot:run} without
 * installing anything. The server is the official distribution zip that Maven already fetched; it
 * is unpacked once per version (see {@link Distribution}) and each node gets a throw-away working
 * folder (see {@link NodeFolder}).
 *
 * <p>Use {@link #shared()} for the node the app and all tests of one JVM share, or
 * {@link #start(Options)} for a private node. Every node is stopped by a JVM shutdown hook; nodes
 * left behind by a JVM killed with {@code kill -9} are cleaned up by the next start (see
 * {@link OrphanReaper}).
 */
public final class LocalElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;
    private static final int MAX_CLUSTER_SIZE = 9;
    private static final Set<LocalElasticsearch> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SHUTDOWN_HOOK = new AtomicBoolean();
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    private static LocalElasticsearch shared; // guarded by LocalElasticsearch.class
    private static RuntimeException sharedFailure; // guarded by LocalElasticsearch.class
    private static List<LocalElasticsearch> sharedCluster = List.of(); // guarded by LocalElasticsearch.class

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

    /** The node shared by this JVM, started with {@link Options#defaults()} on first use. */
    public static LocalElasticsearch shared() {
        return shared(Options.defaults());
    }

    /**
     * The node shared by this JVM, started with {@code options} on first use; later calls return the
     * same node and ignore their options. A failed start is remembered, so a test suite fails fast
     * instead of waiting for the start-up timeout in every test class.
     */
    public static synchronized LocalElasticsearch shared(Options options) {
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
                shared = start(options);
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /**
     * The cluster of {@code size} nodes shared by this JVM, started on first use; later calls return it while all
     * of its nodes run, and start a new one otherwise.
     */
    public static synchronized List<LocalElasticsearch> sharedCluster(Options options, int size) {
        if (sharedCluster.size() != size || !sharedCluster.stream().allMatch(LocalElasticsearch::isRunning)) {
            sharedCluster.forEach(LocalElasticsearch::stop);
            sharedCluster = startCluster(options, size);
        }
        return sharedCluster;
    }

    /** Starts an independent node and returns once it reports yellow or green health. */
    public static LocalElasticsearch start(Options options) {
        return startCluster(options, 1).get(0);
    }

    /**
     * Starts {@code size} nodes forming one cluster on loopback and returns once each reports yellow or green
     * health. One node runs as {@code discovery.type=single-node}; several find each other through
     * {@code discovery.seed_hosts} (every node's transport port) and elect their first master among all of them
     * ({@code cluster.initial_master_nodes}). Each node can be stopped on its own.
     */
    public static List<LocalElasticsearch> startCluster(Options options, int size) {
        if (size < 1 || size > MAX_CLUSTER_SIZE) {
            throw new IllegalArgumentException("a local Elasticsearch cluster has 1 to " + MAX_CLUSTER_SIZE
                    + " nodes, not " + size);
        }
        long started = System.nanoTime();
        Path home = Distribution.install(options.distribution(), options.version(), options.workDir());
        Path javaHome = JavaHome.find(System.getenv("ES_JAVA_HOME"), JavaHome.DEFAULT_SEARCH_DIR,
                JavaHome.minimumFor(options.version()));
        Path nodesDir = options.workDir().resolve("nodes");
        if (REAPED.compareAndSet(false, true)) {
            OrphanReaper.reap(nodesDir);
        }
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
        List<LocalElasticsearch> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                nodes.add(launchNode(options, home, javaHome, nodesDir, cluster, names.get(i), ports[2 * i],
                                     ports[2 * i + 1], discovery));
            }
            for (LocalElasticsearch node : nodes) {
                node.rememberProcesses();
                node.awaitHealthy(options.startupTimeout());
                node.rememberProcesses();
            }
        } catch (RuntimeException e) {
            nodes.parallelStream().forEach(LocalElasticsearch::stop);
            throw e;
        }
        for (LocalElasticsearch node : nodes) {
            log.info("Local Elasticsearch {} ({}) is up at {} after {} ms (pid {}, folder {})", options.version(),
                     node.name, node.httpUri(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                     node.process.pid(), node.folder.root());
        }
        return List.copyOf(nodes);
    }

    private static LocalElasticsearch launchNode(Options options, Path home, Path javaHome, Path nodesDir,
            String cluster, String name, int httpPort, int transportPort, List<String> discovery) {
        NodeFolder folder;
        Process process;
        try {
            folder = NodeFolder.create(nodesDir, name, home);
        } catch (IOException e) {
            throw new LocalElasticsearchException("Could not create a node folder in " + nodesDir + ": " + e
                    + " (-D" + Options.WORK_DIR_PROPERTY + " chooses another place)", e);
        }
        try {
            process = launch(options, home, javaHome, folder, cluster, name, httpPort, transportPort, discovery);
        } catch (IOException | RuntimeException e) {
            folder.delete();
            throw e instanceof LocalElasticsearchException l ? l
                    : new LocalElasticsearchException("Could not start Elasticsearch from " + home + ": " + e, e);
        }
        LocalElasticsearch node = new LocalElasticsearch(name, folder, process, httpPort);
        node.register();
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
        RUNNING.remove(this);
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

    Path workingFolder() {
        return folder.root();
    }

    @Override
    public String toString() {
        return "LocalElasticsearch[" + name + " at " + httpUri() + (isRunning() ? "" : ", stopped") + "]";
    }

    private static Process launch(Options options, Path home, Path javaHome, NodeFolder folder, String cluster,
            String name, int httpPort, int transportPort, List<String> discovery) throws IOException {
        List<String> command = new ArrayList<>();
        if (RunAsNobody.required()) {
            RunAsNobody.checkTraversable(home, folder.root(), javaHome);
            RunAsNobody.handOver(folder.writable());
            command.addAll(RunAsNobody.COMMAND_PREFIX);
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(discovery);
        command.addAll(List.of(
                "-Expack.security.enabled=false",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + transportPort,
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Ecluster.name=" + cluster,
                "-Enode.name=" + name,
                "-Epath.data=" + folder.data(),
                "-Epath.logs=" + folder.logs()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.consoleLog().toFile());
        Map<String, String> env = builder.environment();
        // The launch scripts warn about or ignore these; none of them may leak from this JVM into the server.
        List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "CLI_JAVA_OPTS")
                .forEach(env::remove);
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        env.put("ES_PATH_CONF", folder.config().toString());
        env.put("ES_TMPDIR", folder.tmp().toString());
        log.debug("Starting {} with ES_JAVA_HOME={}", command, javaHome);
        try {
            return builder.start();
        } catch (IOException e) {
            String hint = command.get(0).equals("setpriv")
                    ? " (this JVM runs as root, so Elasticsearch is started as nobody through setpriv from util-linux)"
                    : "";
            throw new LocalElasticsearchException("Could not run " + command.get(0) + hint + ": " + e.getMessage(), e);
        }
    }

    /** Polls cluster health every 250 ms until yellow, the process dies, or the timeout passes. */
    private void awaitHealthy(Duration timeout) {
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

    private void register() {
        RUNNING.add(this);
        if (SHUTDOWN_HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalElasticsearch::stopAll, "local-elasticsearch-stop"));
        }
    }

    private static void stopAll() {
        List.copyOf(RUNNING).parallelStream().forEach(LocalElasticsearch::stop);
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

    /**
     * How to start a node.
     *
     * @param distribution   the Elasticsearch distribution zip
     * @param version        its version; names the folder it is unpacked into and picks the JDK level
     * @param heap           JVM heap (both -Xms and -Xmx), for example {@code 512m}
     * @param startupTimeout how long to wait for yellow health
     * @param workDir        where distributions are unpacked and node folders live
     */
    public record Options(Path distribution, String version, String heap, Duration startupTimeout, Path workDir) {

        /** Overrides the distribution zip (system property or Spring property). */
        public static final String DISTRIBUTION_PROPERTY = "marketplace.elasticsearch.distribution";
        public static final String HEAP_PROPERTY = "marketplace.elasticsearch.heap";
        public static final String STARTUP_TIMEOUT_PROPERTY = "marketplace.elasticsearch.startup-timeout";
        public static final String WORK_DIR_PROPERTY = "marketplace.elasticsearch.work-dir";
        private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

        public Options {
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            Objects.requireNonNull(workDir, "workDir");
            if (heap == null || !HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 512m, was " + heap);
            }
            distribution = distribution.toAbsolutePath().normalize();
            workDir = workDir.toAbsolutePath().normalize();
        }

        /** Options from system properties, falling back to what the Maven build recorded. */
        public static Options defaults() {
            return from(System::getProperty);
        }

        /**
         * Options from {@code properties} (system properties, or a Spring {@code Environment}): the
         * distribution from {@value #DISTRIBUTION_PROPERTY} or {@code marketplace-build.properties}, a
         * 512m heap ({@value #HEAP_PROPERTY}), a 120 s start-up timeout ({@value #STARTUP_TIMEOUT_PROPERTY})
         * and {@code ${java.io.tmpdir}/marketplace-elasticsearch} ({@value #WORK_DIR_PROPERTY}).
         */
        public static Options from(Function<String, String> properties) {
            return OptionsResolver.resolve(properties);
        }

        /** Another zip; its version is taken from a name like {@code elasticsearch-9.5.3.zip} if it has one. */
        public Options withDistribution(Path zip) {
            return new Options(zip, OptionsResolver.versionOf(zip, version), heap, startupTimeout, workDir);
        }

        public Options withHeap(String newHeap) {
            return new Options(distribution, version, newHeap, startupTimeout, workDir);
        }

        public Options withStartupTimeout(Duration timeout) {
            return new Options(distribution, version, heap, timeout, workDir);
        }

        public Options withWorkDir(Path dir) {
            return new Options(distribution, version, heap, startupTimeout, dir);
        }
    }
}
