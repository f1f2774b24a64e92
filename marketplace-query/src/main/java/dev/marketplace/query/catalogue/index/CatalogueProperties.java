package dev.marketplace.query.catalogue.index;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the catalogue index lives. The prefix lets several marketplaces (or test runs) share one cluster.
 *
 * @param indexPrefix prefix of the alias and of every concrete index behind it
 * @param shards      primary shards of a new index
 * @param replicas    at most this many replicas of a new index ({@code auto_expand_replicas: 0-N}): none on a
 *                    single node, so it stays green, and up to N on a cluster
 * @param refreshInterval how soon a write becomes searchable (Elasticsearch's {@code refresh_interval}, set on the
 *                    index at every start); the periodic refresh, for writes the projection does not refresh
 * @param writeRefreshGap the shortest time between two refreshes the projection asks for after it wrote
 *                    ({@link WriteRefresh}); the catalogue's freshness is the projection's lag plus up to this plus
 *                    one refresh. Zero leaves it to the periodic refresh.
 */
@ConfigurationProperties("marketplace.catalogue")
public record CatalogueProperties(@DefaultValue("marketplace-") String indexPrefix,
                                  @DefaultValue("1") int shards,
                                  @DefaultValue("1") int replicas,
                                  @DefaultValue("1s") String refreshInterval,
                                  @DefaultValue("250ms") Duration writeRefreshGap) {

    public String alias() {
        return indexPrefix + "catalogue";
    }
}
