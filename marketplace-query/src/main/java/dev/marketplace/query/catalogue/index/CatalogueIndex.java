package dev.marketplace.query.catalogue.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The catalogue's index lifecycle. Readers and writers only ever name the alias; the concrete index behind it is
 * {@code <alias>-<timestamp>}, so a rebuild can create a fresh index and move the alias in one atomic step.
 * The mappings live in {@code elasticsearch/catalogue-index.json}, the analysis settings here; both use only what
 * a core-modules build of Elasticsearch offers. Replicas expand with the cluster up to the configured number
 * ({@code auto_expand_replicas}), so a single node stays green and a cluster keeps answering when a node is lost.
 * The mappings carry a version ({@code _meta.version}); an index made from an older version is replaced at start-up,
 * since fields such as term vectors cannot be added to an existing index.
 */
@Component
public class CatalogueIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndex.class);
    private static final String MAPPINGS = "/elasticsearch/catalogue-index.json";
    static final int MAPPING_VERSION = mappingVersion();
    /** The least time between two refreshes a replay's writes ask for ({@link #writtenByReplay}). */
    static final Duration REPLAY_REFRESH_GAP = Duration.ofSeconds(5);
    /** Elasticsearch's refresh interval for "only when asked". */
    public static final String NO_PERIODIC_REFRESH = "-1";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                                                                     .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final CatalogueProperties properties;
    private final Clock clock;
    private final WriteRefresh writeRefresh;
    private final WriteRefresh replayRefresh;
    /**
     * Set while this node's replay fills a recreated index with its periodic refresh off ({@link #recreate}); live
     * writes after it turn the refresh back on if the replay's end did not.
     */
    private final AtomicBoolean periodicRefreshOff = new AtomicBoolean();

    public CatalogueIndex(ElasticsearchClient client, CatalogueProperties properties) {
        this.client = client;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.writeRefresh = new WriteRefresh(this::refresh, properties.writeRefreshGap());
        this.replayRefresh = new WriteRefresh(this::refresh, replayGap(properties.writeRefreshGap()));
    }

    /**
     * How far apart a replay's writes are refreshed: the write-refresh gap, but at least {@link #REPLAY_REFRESH_GAP};
     * zero (off) as that gap.
     */
    static Duration replayGap(Duration writeRefreshGap) {
        return writeRefreshGap.isZero() || writeRefreshGap.compareTo(REPLAY_REFRESH_GAP) > 0 ? writeRefreshGap
                : REPLAY_REFRESH_GAP;
    }

    public String alias() {
        return properties.alias();
    }

    /** The alias a rebuild writes its new index through, while {@link #alias()} still names the old one. */
    public String buildingAlias() {
        return properties.alias() + "-building";
    }

    /**
     * Creates the first index and its alias when the alias is missing, or replaces the index with an empty one when
     * it was made from older mappings; true when it did either (the catalogue must then be projected again).
     */
    public boolean ensureExists() {
        try {
            if (client.indices().existsAlias(a -> a.name(alias())).value()) {
                List<Integer> versions = mappingVersionsBehindAlias();
                if (versions.stream().allMatch(v -> v == MAPPING_VERSION)) {
                    // Also what turns the periodic refresh on again after a replay this node did not see end.
                    restorePeriodicRefresh();
                    return false;
                }
                // The old index keeps serving while a rebuild builds its replacement (CatalogueRebuilds starts one).
                log.warn("Catalogue index behind alias {} has mappings version {}, not {}: it is rebuilt", alias(),
                         versions, MAPPING_VERSION);
                return false;
            }
            String index = createIndex();
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias()))));
            log.info("Created catalogue index {} behind alias {}", index, alias());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to prepare the catalogue index", e);
        }
    }

    /** True when an index behind the alias was made from older mappings than these: it must be rebuilt. */
    public boolean hasOutdatedMappings() {
        try {
            return client.indices().existsAlias(a -> a.name(alias())).value()
                   && mappingVersionsBehindAlias().stream().anyMatch(v -> v != MAPPING_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new, empty index behind nothing yet, with these mappings. A rebuild's index is written in bulk with refresh
     * off and no replicas ({@code "-1"}, {@code "false"}); the live settings are restored when it takes over.
     */
    public String createIndex(String refreshInterval, String autoExpandReplicas) throws IOException {
        return createIndex(alias() + "-" + SUFFIX.format(clock.instant()), refreshInterval, autoExpandReplicas);
    }

    /** The prefix of the temporary indices that hold the catalogue as of a past instant; no alias names them. */
    public String asOfPrefix() {
        return alias() + "-as-of-";
    }

    /** The same under a given name. */
    public String createIndex(String index, String refreshInterval, String autoExpandReplicas) throws IOException {
        try (InputStream mapping = CatalogueIndex.class.getResourceAsStream(MAPPINGS)) {
            client.indices().create(c -> c.index(index).withJson(mapping)
                    .settings(s -> s.numberOfShards(String.valueOf(properties.shards()))
                                    .numberOfReplicas("0")
                                    .refreshInterval(t -> t.time(refreshInterval))
                                    .autoExpandReplicas(autoExpandReplicas)
                                    .analysis(a -> a.normalizer("folded", n -> n.custom(cn -> cn.filter("lowercase"))))));
        }
        return index;
    }

    /** The replicas a live index has: expanding with the cluster up to the configured number. */
    public String liveReplicas() {
        return "0-" + properties.replicas();
    }

    /**
     * Replaces whatever is behind the alias with a new, empty index for a replay to fill, then deletes the old ones.
     * The new index refreshes only when asked ({@link #writtenByReplay}) until the replay has caught up: a periodic
     * refresh each second while a replay rewrites every document leaves a small segment each time, and
     * Elasticsearch spent more time merging them than indexing (BENCHMARKS.md). The configured refresh comes back
     * when the replay reaches the position it was reset at, when a live write follows it, or at the next start.
     */
    public String recreate() {
        try {
            List<String> old = indicesBehindAlias();
            periodicRefreshOff.set(true);
            String index = createIndex(NO_PERIODIC_REFRESH, liveReplicas());
            client.indices().updateAliases(u -> {
                old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias()))));
                return u.actions(a -> a.add(add -> add.index(index).alias(alias())));
            });
            for (String o : old) {
                client.indices().delete(d -> d.index(o));
            }
            log.info("Catalogue alias {} now points at fresh index {} (was {})", alias(), index, old);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to recreate the catalogue index", e);
        }
    }

    /**
     * The live projection wrote through {@link #alias()}: makes it searchable within the write-refresh gap and one
     * refresh, without waiting for the refresh ({@link WriteRefresh}).
     */
    public void written() {
        if (periodicRefreshOff.get()) {
            restorePeriodicRefresh();
        }
        writeRefresh.written();
    }

    /**
     * A replay of the live catalogue wrote through {@link #alias()}: makes it searchable within
     * {@link #replayGap the replay's gap} and one refresh. A replay rewrites every document from the first event;
     * refreshing after each of its batches would write and merge a small segment several times a second for the whole
     * replay (BENCHMARKS.md, "2026-12-07, morning"), while its last writes still need one refresh when the index's
     * periodic refresh is off.
     */
    public void writtenByReplay(boolean caughtUp) {
        if (caughtUp) {
            restorePeriodicRefresh();
        }
        replayRefresh.written();
    }

    /**
     * The index refreshes as configured again. A failure reaches the batch that asked, which is handled again; the
     * setting is idempotent, so each segment of a replay may restore it.
     */
    private void restorePeriodicRefresh() {
        try {
            client.indices().putSettings(p -> p.index(alias()).settings(
                    s -> s.refreshInterval(t -> t.time(properties.refreshInterval()))));
            periodicRefreshOff.set(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to turn the catalogue's refresh on", e);
        }
    }

    @Override
    public void close() {
        writeRefresh.close();
        replayRefresh.close();
    }

    /** Makes recent writes visible to search now rather than at the next periodic refresh. */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> indicesBehindAlias() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
            return List.of();
        }
        GetAliasResponse response = client.indices().getAlias(a -> a.name(alias()));
        return new ArrayList<>(response.result().keySet());
    }

    /** The {@code _meta.version} of each index behind the alias; 0 for an index without one. */
    List<Integer> mappingVersionsBehindAlias() throws IOException {
        return client.indices().getMapping(m -> m.index(alias())).result().values().stream()
                     .map(index -> index.mappings().meta().get("version"))
                     .map(version -> version == null ? 0 : version.to(Integer.class))
                     .toList();
    }

    private static int mappingVersion() {
        try (InputStream mapping = CatalogueIndex.class.getResourceAsStream(MAPPINGS)) {
            return new ObjectMapper().readTree(Objects.requireNonNull(mapping, MAPPINGS))
                                     .path("mappings").path("_meta").path("version").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + MAPPINGS, e);
        }
    }

    private String createIndex() throws IOException {
        return createIndex(properties.refreshInterval(), liveReplicas());
    }
}
