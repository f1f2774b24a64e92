package dev.marketplace.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.index.CatalogueProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rebuild's side of the catalogue's indices: a new index written through its own alias with refresh off and no
 * replicas while the read alias keeps naming the old one, then one atomic alias update that hands it the readers.
 * Every step may be repeated (by another node, after a crash) with the same outcome.
 */
@Component
record BuildingIndex(ElasticsearchClient client, CatalogueIndex index, CatalogueProperties properties) {

    private static final String NO_REPLICAS = "false";

    /** A new, empty index for bulk writing; nothing names it yet. */
    String create() {
        return call(() -> index.createIndex(CatalogueIndex.NO_PERIODIC_REFRESH, NO_REPLICAS));
    }

    /**
     * Makes the building alias name the index, before anything writes through it; false when the index is gone
     * (deleted by hand): the rebuild cannot go on, since its tokens say the events are in it.
     */
    boolean ensure(String building) {
        return call(() -> {
            if (!client.indices().exists(e -> e.index(building)).value()) {
                return false;
            }
            if (!client.indices().existsAlias(a -> a.name(index.buildingAlias()).index(building)).value()) {
                client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(building)
                        .alias(index.buildingAlias()))));
            }
            return true;
        });
    }

    /** Restores the live refresh interval and replicas, and makes everything written so far searchable. */
    void finish(String building) {
        call(() -> {
            client.indices().putSettings(p -> p.index(building).settings(s -> s
                    .refreshInterval(t -> t.time(properties.refreshInterval()))
                    .autoExpandReplicas(index.liveReplicas())));
            client.indices().refresh(r -> r.index(building));
            return building;
        });
    }

    /** The indices readers use now. */
    List<String> live() {
        return call(() -> new ArrayList<>(client.indices().getAlias(a -> a.name(index.alias())).result().keySet()));
    }

    /** In one atomic update: readers (and live writes) move to the new index, the building alias goes. */
    void takeOver(String building, List<String> old) {
        call(() -> client.indices().updateAliases(u -> {
            old.stream().filter(o -> !o.equals(building)).forEach(o -> u.actions(a -> a.remove(
                    r -> r.index(o).alias(index.alias()).mustExist(false))));
            u.actions(a -> a.add(add -> add.index(building).alias(index.alias())));
            return u.actions(a -> a.remove(r -> r.index(building).alias(index.buildingAlias()).mustExist(false)));
        }));
    }

    void delete(List<String> indices) {
        call(() -> client.indices().delete(d -> d.index(indices).ignoreUnavailable(true)));
    }

    static List<String> names(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached for the catalogue rebuild", e);
        }
    }
}
