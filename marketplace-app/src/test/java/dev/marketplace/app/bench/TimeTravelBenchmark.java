package dev.marketplace.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.timetravel.AsOfIndexes;
import dev.marketplace.query.timetravel.AsOfState;
import dev.marketplace.query.timetravel.BacktestState;
import dev.marketplace.query.timetravel.CatalogueAsOf;
import dev.marketplace.query.timetravel.RankingBacktest;
import dev.marketplace.query.timetravel.RankingBacktests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * BENCHMARKS.md, "Time travel": how long the catalogue as of an instant takes to build for the benchmark's programs
 * (default 50,000, {@code -Dbench.asof.programs}), and how many recorded searches a backtest replays a second.
 * Programs and sessions are seeded straight into the event store ({@link EventSeeder}); the live catalogue is let
 * catch up first, so the build does not compete with it. Prints figures; asserts only that the work was done.
 */
@Tag("bench")
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.catalogue.index-prefix=time-travel-bench-",
        "marketplace.catalogue.as-of.answer-within=100ms"})
class TimeTravelBenchmark {

    private static final int PROGRAMS = Integer.getInteger("bench.asof.programs", 50_000);
    private static final int SESSIONS = Integer.getInteger("bench.asof.sessions", 500);
    private static final RankingWeightsValues DEFAULTS = new RankingWeightsValues(0.15, 0.1, 100, 10);

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    AsOfIndexes asOf;
    @Autowired
    RankingBacktests backtests;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    CatalogueIndex index;

    @Test
    void asOfIndexBuildAndBacktestSessionsPerSecond() throws Exception {
        Instant from = Instant.now();
        EventSeeder seeder = new EventSeeder(eventStore, transactions, processing);
        long seedStart = System.nanoTime();
        for (int i = 0; i < PROGRAMS; i++) {
            seeder.liveProgram("bench-asof-" + i, i);
        }
        for (int s = 0; s < SESSIONS; s++) {
            int program = (s * 7919) % PROGRAMS;
            String query = EventSeeder.name(program).split(" ")[0] + " " + EventSeeder.name(program).split(" ")[1];
            seeder.searchSession("bench-search-" + s, query, List.of("bench-asof-" + program),
                                 "bench-asof-" + program, DEFAULTS);
        }
        long events = seeder.flush();
        System.out.printf("Time travel: seeded %d events (%d programs, %d sessions) in %.1f s%n", events, PROGRAMS,
                          SESSIONS, (System.nanoTime() - seedStart) / 1e9);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(2)).until(() -> liveCount() >= PROGRAMS);
        Instant at = Instant.now();
        await().until(() -> Instant.now().isAfter(at.plusMillis(10)));

        CatalogueAsOf built = awaitBuilt(at);
        assertThat(built.state()).isEqualTo(AsOfState.READY);
        System.out.printf("Time travel: as-of index for %d programs: %d events in %.1f s (%.0f events/s), "
                          + "built %s%n", PROGRAMS, built.processed(), built.buildSeconds(),
                          built.processed() / built.buildSeconds(), built.builtAt());

        RankingBacktest started = backtests.start(new RankingWeightsValues(0.3, 0.2, 100, 10), from, at, "bench");
        long backtestStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(
                () -> backtests.find(started.id()).orElseThrow().state() != BacktestState.RUNNING);
        double seconds = (System.nanoTime() - backtestStart) / 1e9;
        RankingBacktest done = backtests.find(started.id()).orElseThrow();
        assertThat(done.state()).as(done.failure()).isEqualTo(BacktestState.DONE);
        assertThat(done.evaluated()).isEqualTo(SESSIONS);
        System.out.printf("Time travel: backtest of %d sessions over %d programs: %.1f s start to DONE, %.1f "
                          + "sessions/s as reported (the store's replay included); MRR then %.3f, candidate %.3f%n",
                          SESSIONS, PROGRAMS, seconds, done.sessionsPerSecond(),
                          done.thenInForce().meanReciprocalRank(), done.candidate().meanReciprocalRank());
    }

    private CatalogueAsOf awaitBuilt(Instant at) {
        CatalogueAsOf[] latest = {asOf.at(at)};
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
               .until(() -> (latest[0] = asOf.at(at)).state() != AsOfState.BUILDING);
        return latest[0];
    }

    private long liveCount() throws Exception {
        return elasticsearch.count(c -> c.index(index.alias())).count();
    }
}
