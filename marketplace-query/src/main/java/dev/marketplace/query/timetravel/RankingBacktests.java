package dev.marketplace.query.timetravel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.search.SearchRecordedEvent;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.InstantReplay;
import dev.marketplace.query.catalogue.search.CatalogueFilter;
import dev.marketplace.query.catalogue.search.CatalogueParts;
import dev.marketplace.query.catalogue.search.CatalogueRequest;
import dev.marketplace.query.catalogue.search.CatalogueSearch;
import dev.marketplace.query.catalogue.search.CatalogueSort;
import dev.marketplace.query.catalogue.search.RankingWeights;
import dev.marketplace.query.catalogue.search.RankingWeightsInForce;
import dev.marketplace.query.timetravel.RecordedSessions.Session;
import dev.marketplace.query.shared.DaemonThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Ranking backtests: would other weights have put what people installed higher? A backtest takes the recorded
 * searches of a period that were followed by an install, replays the catalogue's events into an index of its own
 * ({@link InstantReplay}, never the live index), stopping at each search's instant, and there runs the search twice,
 * with the weights then in force (recorded with the search) and with the candidate, noting where each put the
 * installed program. Runs one at a time per node, on a thread of its own; its row tells every node how far it got.
 */
@Service
public class RankingBacktests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RankingBacktests.class);
    static final int NOT_FOUND_RANK = CatalogueSearch.MAX_PAGE + 1;
    private static final int CHANGED_QUERIES = 10;
    private static final CatalogueParts HITS_ONLY = new CatalogueParts(false, false, false, Set.of(), false);

    private final RecordedSessions sessions;
    private final InstantReplay replay;
    private final CatalogueIndex catalogue;
    private final CatalogueSearch search;
    private final BacktestRecords records;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(DaemonThreads.named("ranking-backtest"));

    RankingBacktests(RecordedSessions sessions, InstantReplay replay, CatalogueIndex catalogue, CatalogueSearch search,
                     BacktestRecords records, ObjectMapper json) {
        this.sessions = sessions;
        this.replay = replay;
        this.catalogue = catalogue;
        this.search = search;
        this.records = records;
        this.json = json;
    }

    /** Starts a backtest of the candidate weights over the searches made from {@code from} to {@code to}. */
    public RankingBacktest start(RankingWeightsValues weights, Instant from, Instant to, String startedBy) {
        if (weights == null) {
            throw RuleViolation.invalid("weights", "are required");
        }
        weights.requireWithinRanges("weights");
        Instant now = clock.instant();
        if (!from.isBefore(to)) {
            throw RuleViolation.invalid("from", "must be before to (" + from + " is not before " + to + ")");
        }
        if (to.isAfter(now)) {
            throw RuleViolation.invalid("to", "is in the future (" + to + "); only searches already made are replayed");
        }
        String id = UUID.randomUUID().toString();
        RankingWeights candidate = RankingWeightsInForce.of(weights);
        records.started(id, startedBy, now, from, to, candidate);
        RankingBacktest started = find(id).orElseThrow();
        runner.execute(() -> run(id, candidate, from, to));
        return started;
    }

    public Optional<RankingBacktest> find(String id) {
        return records.find(id);
    }

    public List<RankingBacktest> latest(int limit) {
        return records.latest(limit);
    }

    private void run(String id, RankingWeights candidate, Instant from, Instant to) {
        String index = catalogue.asOfPrefix() + "backtest-" + id.substring(0, 8);
        try {
            List<Session> replayed = sessions.between(from, to);
            records.progress(id, replayed.size(), 0);
            catalogue.createIndex(index, CatalogueIndex.NO_PERIODIC_REFRESH, "false");
            int[][] ranks = new int[replayed.size()][];
            long[] lastReported = {clock.millis()};
            replay.replay(index, to, "backtest_" + id.substring(0, 8), read -> {
            }, replayed.stream().map(Session::at).toList(), i -> {
                ranks[i] = ranks(index, replayed.get(i), candidate);
                if (clock.millis() - lastReported[0] > 500) {
                    records.progress(id, replayed.size(), i + 1);
                    lastReported[0] = clock.millis();
                }
            });
            records.progress(id, replayed.size(), replayed.size());
            records.done(id, result(replayed, ranks));
            log.info("Ranking backtest {} replayed {} searches", id, replayed.size());
        } catch (InterruptedException e) {
            records.failed(id, "stopped: the node is shutting down");
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("Ranking backtest {} failed", id, e);
            records.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            deleteQuietly(index);
        }
    }

    /** Where the weights then in force and the candidate put the installed program, in the catalogue of then. */
    private int[] ranks(String index, Session session, RankingWeights candidate) {
        SearchRecordedEvent recorded = session.search();
        CatalogueRequest request = new CatalogueRequest(recorded.query(), filter(recorded.filter()),
                                                        CatalogueSort.valueOf(recorded.sort()), CatalogueSearch.MAX_PAGE,
                                                        null);
        RankingWeights then = recorded.weights() == null ? candidate : RankingWeightsInForce.of(recorded.weights());
        return new int[] {rank(index, request, then, session.installed()),
                          rank(index, request, candidate, session.installed())};
    }

    private int rank(String index, CatalogueRequest request, RankingWeights weights, String installed) {
        List<String> ids = search.search(index, weights, request, HITS_ONLY, "backtest").hits().stream()
                                 .map(h -> h.document().id()).toList();
        int place = ids.indexOf(installed);
        return place < 0 ? NOT_FOUND_RANK : place + 1;
    }

    private CatalogueFilter filter(String text) {
        try {
            return text == null ? null : json.readValue(text, CatalogueFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded search's filter could not be read: " + e.getOriginalMessage(),
                                            e);
        }
    }

    static BacktestResult result(List<Session> sessions, int[][] ranks) {
        Map<String, List<int[]>> byQuery = new LinkedHashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            byQuery.computeIfAbsent(sessions.get(i).search().query(), q -> new ArrayList<>()).add(ranks[i]);
        }
        List<BacktestQueryChange> changes = new ArrayList<>();
        byQuery.forEach((query, queryRanks) -> {
            double then = queryRanks.stream().mapToInt(r -> r[0]).average().orElse(0);
            double candidate = queryRanks.stream().mapToInt(r -> r[1]).average().orElse(0);
            changes.add(new BacktestQueryChange(query, queryRanks.size(), then, candidate, then - candidate));
        });
        changes.sort(Comparator.comparingDouble((BacktestQueryChange c) -> -Math.abs(c.change()))
                               .thenComparing(BacktestQueryChange::query));
        return new BacktestResult(figures(ranks, 0), figures(ranks, 1),
                                  List.copyOf(changes.subList(0, Math.min(CHANGED_QUERIES, changes.size()))));
    }

    private static BacktestFigures figures(int[][] ranks, int which) {
        long n = ranks.length;
        if (n == 0) {
            return new BacktestFigures(0, 0, 0, 0);
        }
        double reciprocal = 0;
        long top3 = 0;
        long top10 = 0;
        for (int[] rank : ranks) {
            int place = rank[which];
            reciprocal += place == NOT_FOUND_RANK ? 0 : 1.0 / place;
            top3 += place <= 3 ? 1 : 0;
            top10 += place <= 10 ? 1 : 0;
        }
        return new BacktestFigures(n, reciprocal / n, (double) top3 / n, (double) top10 / n);
    }

    private void deleteQuietly(String index) {
        try {
            replay.deleteIndex(index);
        } catch (RuntimeException e) {
            log.warn("Backtest index {} left behind: {}", index, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
