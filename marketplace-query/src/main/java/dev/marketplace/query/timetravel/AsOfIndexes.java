package dev.marketplace.query.timetravel;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.InstantReplay;
import dev.marketplace.query.shared.DaemonThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The indices of the catalogue as of past instants this node keeps: each built by replaying the events up to its
 * instant ({@link InstantReplay}), then kept for later questions about the same or a nearby instant, at most
 * {@link AsOfProperties#maxIndices()} at a time, each until it has gone unused for {@link AsOfProperties#keepFor()}.
 * An index answers for any instant whose events are exactly its own: no event was stored between the two instants.
 * An instant is built no sooner than {@link InstantReplay#COMMIT_LAG} after it, so that the events of that instant
 * committed a moment late are in it. Builds run one at a time on a thread of their own; the indices live in
 * Elasticsearch under {@link CatalogueIndex#asOfPrefix()}, named by no alias.
 */
@Service
public class AsOfIndexes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AsOfIndexes.class);
    private static final Duration COMMIT_LAG = InstantReplay.COMMIT_LAG;

    private final InstantReplay replay;
    private final CatalogueIndex catalogue;
    private final ElasticsearchClient client;
    private final JdbcTemplate jdbc;
    private final AsOfProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final List<AsOfIndex> kept = new ArrayList<>();
    private final ScheduledExecutorService builder =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("catalogue-as-of"));

    AsOfIndexes(InstantReplay replay, CatalogueIndex catalogue, ElasticsearchClient client, JdbcTemplate jdbc,
                AsOfProperties properties) {
        this.replay = replay;
        this.catalogue = catalogue;
        this.client = client;
        this.jdbc = jdbc;
        this.properties = properties;
        long sweep = Math.max(1, Math.min(60, properties.keepFor().toSeconds() / 2));
        builder.scheduleWithFixedDelay(this::dropUnused, sweep, sweep, TimeUnit.SECONDS);
    }

    /**
     * The index for the instant: one kept that holds the same events, or a new one, then built. Waits for the build
     * as long as {@link AsOfProperties#answerWithin()} allows; the caller reads from its state whether it is ready.
     */
    public CatalogueAsOf at(Instant at) {
        Instant now = clock.instant();
        if (at.isAfter(now)) {
            throw RuleViolation.invalid("at", "is in the future (" + at + "); the catalogue now is `catalogue`");
        }
        AsOfIndex index = find(at).orElseGet(() -> start(at, now));
        try {
            index.built.get(properties.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillBuilding) {
            // Answered with the progress; the build goes on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException unexpected) {
            throw new IllegalStateException(unexpected.getCause());
        }
        return index.view(clock.instant());
    }

    private synchronized Optional<AsOfIndex> find(Instant at) {
        Instant now = clock.instant();
        Optional<AsOfIndex> found = kept.stream().filter(i -> i.state() != AsOfState.FAILED)
                                        .filter(i -> sameEvents(i.at, at)).findFirst();
        found.ifPresent(i -> i.used(now));
        return found;
    }

    private synchronized AsOfIndex start(Instant at, Instant now) {
        Optional<AsOfIndex> raced = kept.stream().filter(i -> i.state() != AsOfState.FAILED)
                                        .filter(i -> i.at.equals(at)).findFirst();
        if (raced.isPresent()) {
            return raced.get();
        }
        kept.removeIf(i -> i.state() == AsOfState.FAILED);
        if (kept.size() >= properties.maxIndices()) {
            AsOfIndex evicted = kept.stream().filter(i -> i.state() == AsOfState.READY)
                                    .min(Comparator.comparing(AsOfIndex::lastUsed))
                                    .orElseThrow(() -> new RuleViolation(RuleCode.AS_OF_BUSY,
                                            "All " + properties.maxIndices() + " places for the catalogue as of an "
                                            + "instant hold one still being built; ask again when one is done."));
            drop(evicted);
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        AsOfIndex index = new AsOfIndex(id, catalogue.asOfPrefix() + id, at, now);
        kept.add(index);
        long delay = Math.max(0, Duration.between(now, at.plus(COMMIT_LAG)).toMillis());
        builder.schedule(() -> build(index), delay, TimeUnit.MILLISECONDS);
        return index;
    }

    private void build(AsOfIndex index) {
        try {
            index.started(clock.instant(), replay.eventsUpTo(index.at));
            catalogue.createIndex(index.index, CatalogueIndex.NO_PERIODIC_REFRESH, "false");
            long applied = replay.replay(index.index, index.at, "as_of_" + index.id, index::processed);
            client.indices().putSettings(p -> p.index(index.index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
            // Read-only from here on: one segment without the replay's superseded copies of documents, whose term
            // statistics would otherwise skew relevance scores.
            client.indices().forcemerge(f -> f.index(index.index).maxNumSegments(1L));
            client.indices().refresh(r -> r.index(index.index));
            index.ready(clock.instant());
            CatalogueAsOf view = index.view(clock.instant());
            log.info("Catalogue as of {} built into {}: {} events applied in {} s", index.at, index.index, applied,
                     view.buildSeconds());
        } catch (InterruptedException e) {
            index.failed(clock.instant(), "stopped: the node is shutting down");
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("Catalogue as of {} could not be built", index.at, e);
            index.failed(clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            replay.deleteIndex(index.index);
        }
    }

    /**
     * True when no event was stored after the one instant and at or before the other. Stored times are text; the
     * window asked of the database is widened, and the exact test made here on parsed instants.
     */
    private boolean sameEvents(Instant a, Instant b) {
        if (a.equals(b)) {
            return true;
        }
        Instant from = a.isBefore(b) ? a : b;
        Instant to = a.isBefore(b) ? b : a;
        List<String> stamps = jdbc.queryForList(
                "select time_stamp from domain_event_entry where time_stamp >= ? and time_stamp <= ?", String.class,
                from.minus(COMMIT_LAG).toString(), to.plus(COMMIT_LAG).toString());
        return stamps.stream().map(AsOfIndexes::parsed)
                     .noneMatch(t -> t == null || (t.isAfter(from) && !t.isAfter(to)));
    }

    private static Instant parsed(String stamp) {
        try {
            return Instant.parse(stamp.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private synchronized void dropUnused() {
        Instant stale = clock.instant().minus(properties.keepFor());
        new ArrayList<>(kept).stream().filter(i -> i.state() != AsOfState.BUILDING)
                             .filter(i -> i.lastUsed().isBefore(stale)).forEach(this::drop);
    }

    private void drop(AsOfIndex index) {
        kept.remove(index);
        replay.deleteIndex(index.index);
    }

    @Override
    public synchronized void destroy() {
        builder.shutdownNow();
        new ArrayList<>(kept).forEach(index -> {
            try {
                drop(index);
            } catch (RuntimeException unreachable) {
                log.warn("As-of index {} left behind: {}", index.index, unreachable.getMessage());
            }
        });
    }
}
