package dev.marketplace.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketplace.api.program.Category;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import dev.marketplace.query.catalogue.search.CatalogueFilter;
import dev.marketplace.query.catalogue.search.CatalogueParts;
import dev.marketplace.query.catalogue.search.CatalogueRequest;
import dev.marketplace.query.catalogue.search.CatalogueSearch;
import dev.marketplace.query.catalogue.search.CatalogueSort;
import dev.marketplace.query.catalogue.search.SearchRequests;
import dev.marketplace.query.rebuild.CatalogueRebuilds;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark of BENCHMARKS.md: the real marketplace (this Spring context on a loopback port, a fresh PostgreSQL
 * database, the local Elasticsearch) driven over GraphQL, each scenario beside a baseline measured in the same run
 * on the same services. Prints the table and writes it to {@code target/bench/results.md}. Not part of the test
 * suite: it runs only in the {@code bench} profile. {@code -Dbench.scale} (default 1) scales data and durations.
 */
@Tag("bench")
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.rate-limit.enabled=false"})
class MarketplaceBenchmark {

    static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    /**
     * {@code -Dbench.scenarios}: which of search, write, freshness and long to run (default all). The projection
     * always runs: it seeds the catalogue the others use.
     */
    static final Set<String> SCENARIOS = Set.of(System.getProperty("bench.scenarios", "search,write,freshness,long")
                                                      .split(","));
    static final Path RESULTS = Path.of("target", "bench", "results.md");
    static final String SEARCH = "query($q: String, $f: CatalogueFilter) { catalogue(query: $q, filter: $f, first: 10) "
            + "{ totalCount edges { node { id name installCount } } "
            + "facets { categories { value count } tags { value count } permissions { value count } } } }";
    /** What {@link #SEARCH} reads besides the hits, so the direct request is the one GraphQL sends for it. */
    static final CatalogueParts SEARCH_PARTS = new CatalogueParts(false, true, false,
                                                                  Set.copyOf(CatalogueParts.FACETS), false);
    /** The freshness probe's query: the probe program's own tag, a filter as cheap as a query gets. */
    static final String FIND = "query($t: [String!]) { catalogue(filter: {tags: $t}, first: 3) { edges { node { id } } } }";
    static final String UPDATE = "mutation($input: UpdateListingInput!) { updateListing(input: $input) { id } }";
    static final double P99_LIMIT_MS = 50;
    static final int SAMPLES_PER_STEP = 120;
    /** Freshness: probe programs released a second, as a Poisson stream. */
    static final double PROBES_PER_SECOND = 2;
    /** Freshness: threads that release probes and wait for them to be found; enough that a release is rarely late. */
    static final int PROBERS = 6;
    /** Long aggregates: listing edits a second, one client, open model. */
    static final int EDITS_PER_SECOND = 4;
    /** Long aggregates: rounds per program, alternating between the two programs. */
    static final int EDIT_ROUNDS = 3;
    static final Pattern TOOK = Pattern.compile("\"took\":(\\d+)");
    /** Search warm-up: at most this many rounds, until the JIT compiles for at most {@link #WARM_JIT_SHARE} of one. */
    static final int WARM_UP_ROUNDS = 6;
    static final double WARM_JIT_SHARE = 0.05;

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CatalogueReplays replays;
    @Autowired
    CatalogueRebuilds rebuilds;
    @Autowired
    CatalogueIndex index;
    @Autowired
    CatalogueSearch search;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private Machine machine;
    private Results results;
    private RawElasticsearch raw;
    private CpuMeter cpu;
    private GraphQl graphQl;
    private final List<String> seeded = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private double maxWriteRate;
    /** The projection's floor, measured once every scenario has run. */
    private Scenario projectionFloor;
    private final ConcurrentHistogram elasticsearchTook = new ConcurrentHistogram(3);

    @Test
    void sideBySide() throws Exception {
        raw = new RawElasticsearch(environment.getRequiredProperty("spring.elasticsearch.uris").split(",")[0]);
        graphQl = new GraphQl(port);
        cpu = new CpuMeter(() -> raw.get("/_nodes/stats/process?filter_path=nodes.*.process.cpu.total_in_millis,"
                                          + "nodes.*.process.timestamp"));
        try (Machine m = new Machine()) {
            machine = m;
            String versions = "PostgreSQL " + jdbc.queryForObject("show server_version", String.class)
                              + ", Elasticsearch " + raw.get("/_cat/nodes?h=version").strip();
            results = new Results(machine.describe() + "; " + versions + "; scale " + SCALE);
            System.out.println("BENCH machine: " + machine.describe() + "; " + versions + "; scale " + SCALE);
            scenario("projection", this::projection);
            if (SCENARIOS.contains("search")) {
                scenario("search", this::search);
            }
            if (SCENARIOS.contains("write")) {
                scenario("write path", this::writePath);
            }
            if (SCENARIOS.contains("freshness")) {
                scenario("freshness", this::freshness);
            }
            if (SCENARIOS.contains("long")) {
                scenario("long aggregates", this::longAggregates);
            }
            if (projectionFloor != null) {
                scenario("projection floor", projectionFloor);
            }
        } finally {
            if (results != null) {
                problems.forEach(results::note);
                results.write(RESULTS);
                System.out.println(results.markdown());
            }
        }
        assertThat(problems).as("errors during the measured runs").isEmpty();
    }

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    /** Runs one scenario and notes what the benchmark JVM's garbage collectors did during it. */
    private void scenario(String name, Scenario scenario) throws Exception {
        machine.collectionsSinceLastCall();
        scenario.run();
        results.note("Garbage collection in the marketplace's JVM during " + name + ": "
                     + machine.collectionsSinceLastCall() + ".");
    }

    /** Seeds live programs as events, then times a full catalogue rebuild against a raw _bulk of its documents. */
    private void projection() {
        int programs = (int) Math.max(1000, 50_000 * SCALE);
        catalogueProcessor().shutDown();
        machine.loadSinceLastCall();
        EventSeeder seeder = new EventSeeder(eventStore, transactions, processing);
        long seedStart = System.nanoTime();
        for (int i = 0; i < programs; i++) {
            String id = UUID.nameUUIDFromBytes(("seed-" + i).getBytes(StandardCharsets.UTF_8)).toString();
            seeder.liveProgram(id, i);
            if (seeded.size() < 500) {
                seeded.add(id);
            }
        }
        long events = seeder.flush();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        results.note(String.format("Seeded %d programs as %d events through Axon's event store in batches of 1,000 "
                                   + "in %.0f s (%.0f events/s).", programs, events, seedSeconds,
                                   events / seedSeconds));
        Long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        // The first rebuild runs on a just-started Elasticsearch and a marketplace whose projection code has not
        // been compiled yet; the raw bulk after it would find both warm. The second rebuild is compared.
        double coldSeconds = rebuild(programs);
        results.note(String.format("First rebuild, on services that had not indexed yet: %d events in %.1f s "
                                   + "(%.0f events/s); the second is the one compared.", stored, coldSeconds,
                                   stored / coldSeconds));
        machine.loadSinceLastCall();
        CpuMeter.Reading beforeReplay = cpu.read();
        double replaySeconds = rebuild(programs);
        CpuMeter.Reading afterReplay = cpu.read();
        String replayLoad = machine.loadSinceLastCall();
        List<String[]> documents = scroll(index.alias());
        CpuMeter.Reading beforeBulk = cpu.read();
        double bulkSeconds = bulkIntoFreshIndex(documents);
        results.note("Projection, CPU per program document: rebuild " + CpuMeter.perOperation(
                beforeReplay, afterReplay, documents.size()) + "; raw bulk " + CpuMeter.perOperation(
                beforeBulk, cpu.read(), documents.size()) + " (the JVM's share of the bulk is the benchmark's "
                + "client).");
        String bulkLoad = machine.loadSinceLastCall();
        double replayRate = stored / replaySeconds;
        double bulkRate = stored / bulkSeconds;
        results.add("2 projection", "catalogue rebuild from " + stored + " events, events/s (baseline: same events "
                    + "÷ time of a raw _bulk of the " + documents.size() + " final documents)",
                    Results.f(replayRate), Results.f(bulkRate), replayRate / bulkRate, ">= 0.70",
                    replayRate / bulkRate >= 0.70, replayLoad + " / " + bulkLoad);
        results.add("2 projection", "documents/s", Results.f(documents.size() / replaySeconds),
                    Results.f(documents.size() / bulkSeconds), bulkSeconds / replaySeconds, "", null, "");
        // The zero-downtime rebuild an admin starts (rebuildCatalogue): its own processor into a new index with
        // refresh off and no replicas, behind the one that serves, then the switch; timed from the start to DONE.
        machine.loadSinceLastCall();
        double zeroDowntimeSeconds = zeroDowntimeRebuild(stored);
        double zeroDowntimeRate = stored / zeroDowntimeSeconds;
        results.add("2 projection", "zero-downtime rebuild (rebuildCatalogue: new index, refresh off, no replicas, "
                    + "switch included) from " + stored + " events, events/s (baseline: the raw _bulk as above)",
                    Results.f(zeroDowntimeRate), Results.f(bulkRate), zeroDowntimeRate / bulkRate, "", null,
                    machine.loadSinceLastCall());
        // Measured after every other scenario, so that reading all the events cannot disturb them.
        projectionFloor = () -> {
            machine.loadSinceLastCall();
            try {
                double readSeconds = readAllEvents(stored);
                results.add("2 projection", "floor (measured last): the same events only read from Axon's event store "
                            + "and their payloads deserialised, one thread, no handler, events/s (baseline: the raw "
                            + "_bulk as above)", Results.f(stored / readSeconds), Results.f(bulkRate),
                            bulkSeconds / readSeconds, "", null, machine.loadSinceLastCall());
                results.note(String.format("Projection floor: reading the events took %.1f s, the rebuild %.1f s "
                                           + "(%.0f %% of it).", readSeconds, replaySeconds,
                                           100 * readSeconds / replaySeconds));
            } catch (RuntimeException e) {
                problems.add("reading the events for the projection floor failed: "
                             + Results.abbreviated(e.toString()));
            }
        };
    }

    /**
     * Seconds to read every stored event through Axon's event store, as a processor's stream does, deserialising each
     * payload: what any rebuild through Axon costs before it handles an event. Fails when fewer events come back.
     */
    private double readAllEvents(long stored) throws InterruptedException {
        long start = System.nanoTime();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createTailToken())) {
            while (read < stored && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                if (stream.nextAvailable().getPayload() == null) {
                    throw new IllegalStateException("event without a payload at " + read);
                }
                read++;
            }
        }
        if (read < stored) {
            throw new IllegalStateException("read " + read + " of " + stored + " events");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Replays the catalogue from the first event and answers the seconds until it holds every program again. */
    private double rebuild(int programs) {
        long start = System.nanoTime();
        replays.replay();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
               .until(() -> replays.isCaughtUp() && documents(index.alias()) >= programs);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Seconds from starting a zero-downtime rebuild until it is DONE, the new index serving; notes the rate the
     * rebuild itself reports. Each node looks at the rebuild every poll interval, so the time includes up to one
     * interval at the switch.
     */
    private double zeroDowntimeRebuild(long stored) {
        long start = System.nanoTime();
        rebuilds.start("benchmark");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
               .until(() -> rebuilds.progress().orElseThrow().state().name().equals("DONE"));
        double seconds = (System.nanoTime() - start) / 1e9;
        results.note(String.format("Zero-downtime rebuild: %d events in %.1f s to DONE (%.0f events/s); its own "
                                   + "figure (start to switch) %.0f events/s.", stored, seconds, stored / seconds,
                                   rebuilds.progress().orElseThrow().eventsPerSecond()));
        return seconds;
    }

    /** GraphQL catalogue searches against the same Elasticsearch request sent straight to Elasticsearch. */
    private void search() throws Exception {
        List<String> graphQlBodies = new ArrayList<>();
        List<String> elasticBodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = typo(EventSeeder.word(i)) + " " + EventSeeder.word(i + 5);
            CatalogueFilter filter = i % 2 == 0 ? CatalogueFilter.NONE
                    : new CatalogueFilter(List.of(Category.values()[i % Category.values().length]), null, null);
            Map<String, Object> variables = new HashMap<>();
            variables.put("q", text);
            if (filter != CatalogueFilter.NONE) {
                variables.put("f", Map.of("categories", List.of(filter.categories().get(0).name())));
            }
            graphQlBodies.add(GraphQl.JSON.writeValueAsString(Map.of("query", SEARCH, "variables", variables)));
            elasticBodies.add(JsonpUtils.toJsonString(SearchRequests.firstPage(search,
                    new CatalogueRequest(text, filter, CatalogueSort.RELEVANCE, 10, null), SEARCH_PARTS),
                    elasticsearch._jsonpMapper()));
        }
        String path = "/" + index.alias() + "/_search?typed_keys=true";
        OpenLoad.Operation viaGraphQl = n -> graphQl.query(graphQlBodies.get((int) (n % graphQlBodies.size())))
                                                 .at("/catalogue/totalCount").asLong() >= 0;
        OpenLoad.Operation direct = n -> {
            String answer = raw.post(path, elasticBodies.get((int) (n % elasticBodies.size())), "application/json");
            Matcher took = TOOK.matcher(answer);
            if (took.find()) {
                elasticsearchTook.recordValue(Long.parseLong(took.group(1)));
            }
            return answer.contains("\"hits\"");
        };
        // Both paths warm up in turns, and then each rate step runs through both, one right after the other: run
        // one whole ladder after the other, and the second profits from the caches and compiled code the first left.
        // The rounds go on until the JIT is done with the search's code (at most WARM_UP_ROUNDS): while it compiles,
        // its threads take much of the JVM's CPU, which the last round's CPU per query would count as the queries'.
        OpenLoad.Result[] saturated = new OpenLoad.Result[2];
        String[] cpuPerQuery = new String[2];
        double[] jitPerQuery = new double[2];
        double[] withoutJit = new double[2];
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int rounds = 0;
        double jitShare;
        do {
            long jitBefore = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                CpuMeter.Reading before = cpu.read();
                long jitBeforePath = jit.getTotalCompilationTime();
                saturated[i] = OpenLoad.closed(8, seconds(20), i == 0 ? viaGraphQl : direct);
                CpuMeter.Reading after = cpu.read();
                cpuPerQuery[i] = CpuMeter.perOperation(before, after, saturated[i].completed());
                withoutJit[i] = CpuMeter.withoutJit(before, after, saturated[i].completed());
                jitPerQuery[i] = (double) (jit.getTotalCompilationTime() - jitBeforePath) / saturated[i].completed();
                System.out.printf("BENCH warm-up %s: %.1f/s p50 %.1f p99 %.1f ms%n", i == 0 ? "GraphQL"
                        : "Elasticsearch", saturated[i].perSecond(), saturated[i].p50(), saturated[i].p99());
            }
            rounds++;
            jitShare = (jit.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - roundStart) / 1e6);
            System.out.printf("BENCH warm-up round %d: the JIT compiled for %.0f %% of it%n", rounds, 100 * jitShare);
        } while (rounds < 2 || rounds < WARM_UP_ROUNDS && jitShare > WARM_JIT_SHARE);
        results.note(String.format("Search, CPU per query in the last of %d warm-up rounds (8 clients, closed loop; "
                     + "the JIT compiled for %.0f %% of that round's time, summed over its threads): through GraphQL "
                     + "%s; straight to Elasticsearch %s (the JVM's share includes the load generator, and the "
                     + "JIT's compiling while each path ran: %.2f and %.2f ms a query).", rounds, 100 * jitShare,
                     cpuPerQuery[0], cpuPerQuery[1], jitPerQuery[0], jitPerQuery[1]));
        elasticsearchTook.reset();
        machine.loadSinceLastCall();
        OpenLoad.Result[] best = highestRatesUnderLimit(viaGraphQl, direct);
        OpenLoad.Result g = best[0];
        OpenLoad.Result e = best[1];
        String load = machine.loadSinceLastCall();
        results.note(String.format("Search: Elasticsearch's own \"took\" over all direct steps, p50 %d ms, p99 %d ms "
                                   + "(the rest of a direct request's latency is HTTP and queueing).",
                                   elasticsearchTook.getValueAtPercentile(50),
                                   elasticsearchTook.getValueAtPercentile(99)));
        boolean bothPassed = underLimit(g) && underLimit(e);
        double ratio = bothPassed ? g.targetRate() / e.targetRate() : Double.NaN;
        results.add("3 search", "typo queries with 3 facets (half filtered), queries/s with p99 < 50 ms "
                    + "(baseline: the same request straight to Elasticsearch; \"< 5\": not even the first step)",
                    rateUnderLimit(g), rateUnderLimit(e), ratio, ">= 0.70", bothPassed && ratio >= 0.70, load);
        results.add("3 search", "p50 / p99 ms at that rate (at 5/s when no step passed)",
                    Results.f(g.p50()) + " / " + Results.f(g.p99()), Results.f(e.p50()) + " / " + Results.f(e.p99()),
                    Double.NaN, "", null, "");
        results.add("3 search", "queries/s with 8 clients in a closed loop (the last warm-up round), no latency "
                    + "limit", Results.f(saturated[0].perSecond()), Results.f(saturated[1].perSecond()),
                    saturated[0].perSecond() / saturated[1].perSecond(), "", null, "");
        results.add("3 search", "JVM CPU ms per query in that round, without the JIT's compiler threads (the "
                    + "load generator included; the notes give it with them)", String.format(Locale.ROOT, "%.2f",
                    withoutJit[0]), String.format(Locale.ROOT, "%.2f", withoutJit[1]), Double.NaN, "<= 2.0 ms",
                    Double.isNaN(withoutJit[0]) ? null : withoutJit[0] <= 2.0, "");
    }

    private static boolean underLimit(OpenLoad.Result step) {
        return step.keptUp() && step.p99() < P99_LIMIT_MS;
    }

    private static String rateUnderLimit(OpenLoad.Result step) {
        return (underLimit(step) ? "" : "< ") + Results.f(step.targetRate());
    }

    /**
     * Steps the arrival rate up by a quarter each time, from 5/s, running each step for GraphQL and then for the
     * direct request, until each has reached p99 50 ms or failed to keep the rate; returns for each the last step it
     * passed, or its first step when it passed none. A step lasts at least 6 s and long enough for
     * {@value #SAMPLES_PER_STEP} queries, so that its p99 is not simply its slowest query.
     */
    private OpenLoad.Result[] highestRatesUnderLimit(OpenLoad.Operation viaGraphQl, OpenLoad.Operation direct) {
        OpenLoad.Operation[] operations = {viaGraphQl, direct};
        String[] names = {"GraphQL", "Elasticsearch"};
        OpenLoad.Result[] passed = new OpenLoad.Result[2];
        OpenLoad.Result[] first = new OpenLoad.Result[2];
        boolean[] going = {true, true};
        for (double rate = 5; rate < 5000 && (going[0] || going[1]); rate *= 1.25) {
            Duration length = Duration.ofMillis(Math.max(seconds(6).toMillis(), (long) (SAMPLES_PER_STEP * 1000 / rate)));
            for (int i = 0; i < 2; i++) {
                if (!going[i]) {
                    continue;
                }
                OpenLoad.Result step = OpenLoad.open(64, rate, length, operations[i]);
                System.out.printf("BENCH step %s %.1f/s: achieved %.1f/s p50 %.1f p99 %.1f ms errors %d %s%n",
                                  names[i], rate, step.perSecond(), step.p50(), step.p99(), step.errors(),
                                  step.errors() > 0 ? Results.abbreviated(step.firstError()) : "");
                if (first[i] == null) {
                    first[i] = step;
                }
                if (underLimit(step)) {
                    passed[i] = step;
                } else {
                    going[i] = false;
                }
            }
        }
        return new OpenLoad.Result[] {passed[0] != null ? passed[0] : first[0],
                                      passed[1] != null ? passed[1] : first[1]};
    }

    /** The command mix at 1, 8 and 32 clients against plain JDBC inserting the same event rows. */
    private void writePath() throws Exception {
        WriteMix mix = new WriteMix(graphQl, "W" + UUID.randomUUID().toString().substring(0, 6),
                                    seeded.subList(0, 200));
        // Warm-up, not measured: on a fresh JVM the JIT compiler threads otherwise take as much CPU as the requests.
        OpenLoad.closed(8, seconds(20), mix);
        Long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        int[] clients = {1, 8, 32};
        OpenLoad.Result[][] marketplace = new OpenLoad.Result[3][];
        String[] loads = new String[3];
        long commands = 0;
        machine.loadSinceLastCall();
        StringBuilder cpuPerCommand = new StringBuilder();
        for (int c = 0; c < clients.length; c++) {
            CpuMeter.Reading cpuBefore = cpu.read();
            marketplace[c] = closedThenOpen(clients[c], mix, "write " + clients[c] + " clients");
            long done = marketplace[c][0].completed() + marketplace[c][1].completed();
            cpuPerCommand.append(c == 0 ? "" : "; ").append(clients[c]).append(" clients: ")
                         .append(CpuMeter.perOperation(cpuBefore, cpu.read(), done));
            commands += done;
            loads[c] = machine.loadSinceLastCall();
        }
        results.note("Write path, CPU per command (closed and open run together): " + cpuPerCommand
                     + " (the JVM's share includes the load generator).");
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?",
                                          Long.class, before);
        double jdbcAt32 = Double.NaN;
        try (JdbcEventBaseline baseline = new JdbcEventBaseline(dataSource, before)) {
            results.note(String.format("Write path: %d commands stored %d events (%.2f per command), %d of them "
                                       + "approvals refused because the package checks were still running (warm-up "
                                       + "included); the JDBC baseline inserts copies of the first %d of those rows, "
                                       + "one per commit.", commands, events, (double) events / commands,
                                       mix.refusedApprovals(), baseline.sampleSize()));
            for (int c = 0; c < clients.length; c++) {
                machine.loadSinceLastCall();
                OpenLoad.Result[] jdbcRuns = closedThenOpen(clients[c], n -> {
                    boolean ok = baseline.run(n);
                    return ok;
                }, "jdbc " + clients[c] + " clients");
                baseline.disconnect();
                String jdbcLoad = machine.loadSinceLastCall();
                OpenLoad.Result[] mp = marketplace[c];
                double ratio = mp[0].perSecond() / jdbcRuns[0].perSecond();
                boolean at32 = clients[c] == 32;
                results.add("1 write path", clients[c] + " clients: commands/s, closed loop (baseline: event rows "
                            + "inserted/s)", Results.f(mp[0].perSecond()), Results.f(jdbcRuns[0].perSecond()),
                            ratio, at32 ? ">= 0.50" : "", at32 ? ratio >= 0.5 : null, loads[c] + " / " + jdbcLoad);
                boolean at8 = clients[c] == 8;
                results.add("1 write path", clients[c] + " clients: p50 / p99 ms at 70% of that rate, open model",
                            Results.f(mp[1].p50()) + " / " + Results.f(mp[1].p99()),
                            Results.f(jdbcRuns[1].p50()) + " / " + Results.f(jdbcRuns[1].p99()), Double.NaN,
                            at8 ? "p99 < 50 ms" : "", at8 ? mp[1].p99() < P99_LIMIT_MS : null, "");
                if (at32) {
                    maxWriteRate = mp[0].perSecond();
                    jdbcAt32 = jdbcRuns[0].perSecond();
                }
            }
        }
        graphQlFloor(jdbcAt32);
    }

    /**
     * The cheapest request a client can make of the GraphQL endpoint, {@code { __typename }} with a token (its
     * verification remembered, as for commands), in a closed loop at 32 clients: what a command pays for HTTP, the
     * token, a GraphQL document and the answer, without any domain work. A mutation's document and answer are larger,
     * so no command goes faster than this on the same machine: it bounds how much of the JDBC baseline any command
     * over the GraphQL endpoint could reach.
     */
    private void graphQlFloor(double jdbcAt32) {
        OpenLoad.Operation typename = n -> "Query".equals(graphQl.call("bench-floor-" + (n % 32), Role.DEVELOPER,
                                                                     "{ __typename }", Map.of())
                                                                  .path("__typename").asText());
        OpenLoad.closed(32, seconds(5), typename);
        machine.loadSinceLastCall();
        CpuMeter.Reading before = cpu.read();
        OpenLoad.Result floor = OpenLoad.closed(32, seconds(10), typename);
        results.note("Write path floor, CPU per `{ __typename }` request at 32 clients: "
                     + CpuMeter.perOperation(before, cpu.read(), floor.completed())
                     + " (the JVM's share includes the load generator).");
        if (floor.errors() > 0) {
            problems.add(floor.errors() + " of " + floor.completed() + " floor requests failed, first: "
                         + Results.abbreviated(floor.firstError()));
        }
        results.add("1 write path", "floor: 32 clients, `{ __typename }` with a token (no domain work), queries/s, "
                    + "closed loop (baseline: event rows inserted/s at 32 clients)", Results.f(floor.perSecond()),
                    Results.f(jdbcAt32), floor.perSecond() / jdbcAt32, "", null, machine.loadSinceLastCall());
    }

    private OpenLoad.Result[] closedThenOpen(int clients, OpenLoad.Operation operation, String what) {
        OpenLoad.Result closed = OpenLoad.closed(clients, seconds(10), operation);
        OpenLoad.Result open = OpenLoad.open(clients, 0.7 * closed.perSecond(), seconds(10), operation);
        for (OpenLoad.Result r : List.of(closed, open)) {
            System.out.printf("BENCH %s %s: %.1f/s p50 %.1f p99 %.1f ms errors %d%n", what,
                              r.targetRate() > 0 ? "open at " + Results.f(r.targetRate()) + "/s" : "closed",
                              r.perSecond(), r.p50(), r.p99(), r.errors());
            if (r.errors() > 0) {
                problems.add(r.errors() + " of " + r.completed() + " operations failed in " + what + ", first: "
                             + Results.abbreviated(r.firstError()));
            }
        }
        return new OpenLoad.Result[] {closed, open};
    }

    /** Release response to the program being found by catalogue, while half the maximum write load runs. */
    private void freshness() {
        if (maxWriteRate <= 0) {
            problems.add("freshness runs under half the write path's maximum rate: run it with the write scenario");
            return;
        }
        WriteMix mix = new WriteMix(graphQl, "F" + UUID.randomUUID().toString().substring(0, 6),
                                    seeded.subList(200, 400));
        double rate = maxWriteRate / 2;
        Duration duration = seconds(30);
        machine.loadSinceLastCall();
        Refreshes refreshesBefore = refreshes();
        long refreshesSince = System.nanoTime();
        CompletableFuture<OpenLoad.Result> load = CompletableFuture.supplyAsync(
                () -> OpenLoad.open(32, rate, duration, mix));
        Recorder projected = new Recorder(3);
        Recorder found = new Recorder(3);
        long end = System.nanoTime() + duration.toNanos();
        String run = UUID.randomUUID().toString().substring(0, 6);
        long[] due = probeSchedule(System.nanoTime(), end);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        Queue<String> probeErrors = new ConcurrentLinkedQueue<>();
        List<Thread> probers = new ArrayList<>();
        for (int p = 0; p < PROBERS; p++) {
            int prober = p;
            Thread thread = new Thread(() -> {
                for (int k = next.getAndIncrement(); k < due.length; k = next.getAndIncrement()) {
                    long wait = due[k] - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() - due[k] > 100_000_000) {
                        late.incrementAndGet();
                    }
                    try {
                        String tag = "probe-" + run + "-" + k;
                        String id = mix.publish("fresh-dev-" + prober, "Fresh Probe " + run + " " + k, tag);
                        long released = System.nanoTime();
                        Long position = jdbc.queryForObject("select max(global_index) from domain_event_entry "
                                                            + "where aggregate_identifier = ?", Long.class, id);
                        if (position == null) {
                            throw new IllegalStateException("no events stored for probe program " + id);
                        }
                        projected.recordValue(waitFor(released, 2_000_000, () -> projectedPast(id, position)));
                        found.recordValue(waitFor(released, 25_000_000, () -> findable(tag, id)));
                    } catch (RuntimeException e) {
                        probeErrors.add("freshness probe " + k + " failed: " + Results.abbreviated(e.toString()));
                    }
                }
            }, "bench-freshness-" + p);
            thread.start();
            probers.add(thread);
        }
        OpenLoad.joinAll(probers, "the freshness probes");
        problems.addAll(probeErrors);
        OpenLoad.Result background = load.join();
        if (background.errors() > 0) {
            problems.add(background.errors() + " of " + background.completed() + " commands failed under freshness, "
                         + "first: " + Results.abbreviated(background.firstError()));
        }
        Histogram h = found.getIntervalHistogram();
        String loadAverage = machine.loadSinceLastCall();
        Refreshes during = refreshes().since(refreshesBefore);
        double refreshWindow = (System.nanoTime() - refreshesSince) / 1e9;
        results.note(String.format("Freshness: in %.1f s the catalogue index refreshed for search %d times, %.0f ms "
                                   + "each on average; with its internal refreshes %d times, %.0f ms each "
                                   + "(Elasticsearch's refresh stats of its primaries).", refreshWindow,
                                   during.forSearch(), average(during.forSearchMillis(), during.forSearch()),
                                   during.all(), average(during.allMillis(), during.all())));
        results.add("4 freshness", String.format("release response → found by catalogue, ms p50 / p99 / max (%d "
                    + "probes released as a Poisson stream of %.0f/s, %d of them over 100 ms late, polled every 25 ms) "
                    + "under %.0f commands/s (achieved %.0f)", h.getTotalCount(), PROBES_PER_SECOND, late.get(), rate,
                    background.perSecond()), percentiles(h), "", Double.NaN, "p99 <= 1200 ms",
                    h.getValueAtPercentile(99) / 1000.0 <= 1200, loadAverage);
        results.add("4 freshness", "of which: release response → projected (the catalogue processor is past the "
                    + "release event: written to Elasticsearch, not yet searchable), ms p50 / p99 / max, polled every "
                    + "2 ms", percentiles(projected.getIntervalHistogram()), "", Double.NaN, "", null, "");
    }

    /**
     * Refreshes of the catalogue index's primaries: all of them and those that made writes searchable, each as a
     * count and the milliseconds they took.
     */
    record Refreshes(long all, long allMillis, long forSearch, long forSearchMillis) {

        Refreshes since(Refreshes earlier) {
            return new Refreshes(all - earlier.all, allMillis - earlier.allMillis, forSearch - earlier.forSearch,
                                 forSearchMillis - earlier.forSearchMillis);
        }
    }

    /** The catalogue index's refreshes so far. */
    private Refreshes refreshes() {
        JsonNode refresh = GraphQl.tree(raw.get("/" + index.alias() + "/_stats/refresh"))
                                  .at("/_all/primaries/refresh");
        return new Refreshes(refresh.get("total").asLong(), refresh.get("total_time_in_millis").asLong(),
                             refresh.get("external_total").asLong(),
                             refresh.get("external_total_time_in_millis").asLong());
    }

    private static double average(long millis, long count) {
        return millis / (double) Math.max(1, count);
    }

    private static String percentiles(Histogram h) {
        return p50AndP99(h) + " / " + Results.f(h.getMaxValue() / 1000.0);
    }

    private static String p50AndP99(Histogram h) {
        return Results.f(h.getValueAtPercentile(50) / 1000.0) + " / " + Results.f(h.getValueAtPercentile(99) / 1000.0);
    }

    /**
     * When each freshness probe is released: a Poisson stream of {@value #PROBES_PER_SECOND} a second over the
     * window, fixed in advance (seeded, so every run draws the same gaps). A release therefore never waits for an
     * earlier probe to be found, which happens just after a refresh; it falls at a random point of Elasticsearch's
     * refresh cycle, as a developer's release would. Releasing the next probe as soon as the previous one was found
     * made every probe wait almost a whole refresh interval.
     */
    private static long[] probeSchedule(long start, long end) {
        SplittableRandom random = new SplittableRandom(42);
        LongSupplier gap = () -> (long) (-Math.log(1 - random.nextDouble()) * 1e9 / PROBES_PER_SECOND);
        LongStream.Builder due = LongStream.builder();
        for (long at = start + gap.getAsLong(); at < end; at += gap.getAsLong()) {
            due.add(at);
        }
        return due.build().toArray();
    }

    /** Microseconds from {@code since} until the condition holds, polled every {@code pollNanos}; at most 30 s. */
    private static long waitFor(long since, long pollNanos, BooleanSupplier condition) {
        while (!condition.getAsBoolean() && System.nanoTime() - since < 30_000_000_000L) {
            LockSupport.parkNanos(pollNanos);
        }
        return (System.nanoTime() - since) / 1000;
    }

    /** Whether the catalogue segment that handles the program has processed the event at {@code position}. */
    private boolean projectedPast(String programId, long position) {
        return catalogueProcessor().processingStatus().values().stream()
                .filter(status -> status.getSegment().matches(programId))
                .anyMatch(status -> status.getCurrentPosition().orElse(-1) >= position);
    }

    private boolean findable(String tag, String id) {
        JsonNode data = graphQl.call(null, null, FIND, Map.of("t", List.of(tag)));
        for (JsonNode edge : data.at("/catalogue/edges")) {
            if (id.equals(edge.at("/node/id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Listing edits on a program with 10 events against one with 10,000, one client at a fixed rate. */
    private void longAggregates() {
        String shortId = UUID.randomUUID().toString();
        String longId = UUID.randomUUID().toString();
        EventSeeder seeder = new EventSeeder(eventStore, transactions, processing);
        seeder.longProgram(shortId, "long-dev", "Short History " + shortId.substring(0, 6), 10);
        seeder.longProgram(longId, "long-dev", "Long History " + longId.substring(0, 6), 10_000);
        seeder.flush();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(replays::isCaughtUp);
        machine.loadSinceLastCall();
        warmUp(shortId);
        warmUp(longId);
        // Rounds alternate between the programs, interleaved over the same period; one run each gave p99 from 40
        // samples, i.e. the slowest edit, which one collection elsewhere could decide.
        Histogram shortEdits = new Histogram(3);
        Histogram longEdits = new Histogram(3);
        for (int round = 0; round < EDIT_ROUNDS; round++) {
            shortEdits.add(edits(shortId, round).latency());
            longEdits.add(edits(longId, round).latency());
        }
        double shortP99 = shortEdits.getValueAtPercentile(99) / 1000.0;
        double longP99 = longEdits.getValueAtPercentile(99) / 1000.0;
        double ratio = longP99 / shortP99;
        results.add("5 long aggregates", String.format("updateListing p50 / p99 ms, %d commands/s in %d alternating "
                    + "rounds per program, %d + %d edits: 10,000 events (baseline: 10 events); ratio of p99",
                    EDITS_PER_SECOND, EDIT_ROUNDS, longEdits.getTotalCount(), shortEdits.getTotalCount()),
                    p50AndP99(longEdits), p50AndP99(shortEdits), ratio, "<= 2.0", ratio <= 2.0,
                    machine.loadSinceLastCall());
    }

    private void warmUp(String programId) {
        for (int n = 0; n < 3; n++) {
            graphQl.call("long-dev", Role.DEVELOPER, UPDATE, edit(programId, "Warm-up " + n));
        }
    }

    /** One round of listing edits of a program, open model. */
    private OpenLoad.Result edits(String programId, int round) {
        OpenLoad.Result result = OpenLoad.open(1, EDITS_PER_SECOND, seconds(10),
                n -> graphQl.call("long-dev", Role.DEVELOPER, UPDATE, edit(programId, round + "." + n)) != null);
        if (result.errors() > 0) {
            problems.add(result.errors() + " of " + result.completed() + " edits of " + programId + " failed, first: "
                         + Results.abbreviated(result.firstError()));
        } else if (!result.keptUp()) {
            problems.add("edits of " + programId + " fell behind their schedule: " + Results.f(result.perSecond())
                         + " of " + EDITS_PER_SECOND + " a second");
        }
        return result;
    }

    private static Map<String, Object> edit(String programId, String summary) {
        return Map.of("input", Map.of("miniProgramId", programId, "summary", "Edited " + summary));
    }

    private StreamingEventProcessor catalogueProcessor() {
        return processing.eventProcessor("catalogue", StreamingEventProcessor.class).orElseThrow();
    }

    private long documents(String target) {
        return GraphQl.tree(raw.get("/" + target + "/_count")).get("count").asLong();
    }

    /** Every document of the index as (id, source JSON). */
    private List<String[]> scroll(String target) {
        List<String[]> documents = new ArrayList<>();
        JsonNode page = GraphQl.tree(raw.post("/" + target + "/_search?scroll=2m",
                                              "{\"size\": 5000, \"sort\": [\"_doc\"]}", "application/json"));
        while (page.at("/hits/hits").size() > 0) {
            for (JsonNode hit : page.at("/hits/hits")) {
                documents.add(new String[] {hit.get("_id").asText(), hit.get("_source").toString()});
            }
            page = GraphQl.tree(raw.post("/_search/scroll", "{\"scroll\": \"2m\", \"scroll_id\": \""
                                         + page.get("_scroll_id").asText() + "\"}", "application/json"));
        }
        return documents;
    }

    /** Bulk-loads the documents, 1,000 per request from one thread, into a fresh index like the catalogue's. */
    private double bulkIntoFreshIndex(List<String[]> documents) {
        String target = "bench-bulk-" + UUID.randomUUID().toString().substring(0, 8);
        try (InputStream mapping = CatalogueIndex.class.getResourceAsStream("/elasticsearch/catalogue-index.json")) {
            ObjectNode body = (ObjectNode) GraphQl.JSON.readTree(mapping);
            body.set("settings", GraphQl.JSON.readTree("{\"number_of_shards\": 1, \"number_of_replicas\": 0, "
                    + "\"analysis\": {\"normalizer\": {\"folded\": {\"type\": \"custom\", \"filter\": [\"lowercase\"]}}}}"));
            raw.put("/" + target, body.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long start = System.nanoTime();
        for (int from = 0; from < documents.size(); from += 1000) {
            StringBuilder bulk = new StringBuilder();
            for (String[] document : documents.subList(from, Math.min(documents.size(), from + 1000))) {
                bulk.append("{\"index\":{\"_id\":\"").append(document[0]).append("\"}}\n").append(document[1])
                    .append('\n');
            }
            String answer = raw.post("/" + target + "/_bulk", bulk.toString(), "application/x-ndjson");
            if (answer.contains("\"errors\":true")) {
                throw new IllegalStateException("bulk load refused documents: "
                                                + answer.substring(0, Math.min(500, answer.length())));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        raw.delete("/" + target);
        return seconds;
    }

    private static String typo(String word) {
        return word.charAt(0) + "" + word.charAt(2) + word.charAt(1) + word.substring(3);
    }

    private static Duration seconds(double atScaleOne) {
        return Duration.ofMillis((long) (1000 * Math.max(atScaleOne / 2, atScaleOne * Math.min(1, SCALE))));
    }
}
