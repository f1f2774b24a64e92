package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The catalogue's index lifecycle. Readers and writers only ever name the alias; the concrete index behind it is
 * {@code <alias>-<timestamp>}, so a rebuild can create a fresh index and move the alias in one atomic step.
 * The mappings live in {@code elasticsearch/catalogue-index.json}, the analysis settings here; both use only what
 * a core-modules build of Elasticsearch offers. Replicas expand with the cluster up to the configured number
 * ({@code auto_expand_replicas}), so a single node stays green and a cluster keeps answering when a node is lost.
 */
@Component
public class CatalogueIndex {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndex.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                                                                     .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final CatalogueProperties properties;
    private final Clock clock;

    public CatalogueIndex(ElasticsearchClient client, CatalogueProperties properties) {
        this.client = client;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public String alias() {
        return properties.alias();
    }

    /** Creates the first index and its alias when the alias is missing; true when it did. */
    public boolean ensureExists() {
        try {
            if (client.indices().existsAlias(a -> a.name(alias())).value()) {
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

    /** Replaces whatever is behind the alias with a new, empty index, then deletes the old ones. */
    public String recreate() {
        try {
            List<String> old = indicesBehindAlias();
            String index = createIndex();
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

    private String createIndex() throws IOException {
        String index = alias() + "-" + SUFFIX.format(clock.instant());
        try (InputStream mapping = CatalogueIndex.class.getResourceAsStream("/elasticsearch/catalogue-index.json")) {
            client.indices().create(c -> c.index(index).withJson(mapping)
                    .settings(s -> s.numberOfShards(String.valueOf(properties.shards()))
                                    .autoExpandReplicas("0-" + properties.replicas())
                                    .analysis(a -> a.normalizer("folded", n -> n.custom(cn -> cn.filter("lowercase"))))));
        }
        return index;
    }
}
