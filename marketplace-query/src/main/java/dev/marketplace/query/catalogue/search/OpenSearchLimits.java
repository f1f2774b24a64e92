package dev.marketplace.query.catalogue.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the points in time that paged searches hold open in Elasticsearch, each of which pins the index's
 * segments until it is closed or its keep-alive passes. Counted on each node.
 *
 * @param keepAlive  how long a reader may take between two pages of one result; every page starts it again
 * @param perCaller  points in time one caller (an address when anonymous, else a user) may hold at once
 * @param total      points in time this node holds at once, for all callers
 */
@ConfigurationProperties("marketplace.catalogue.open-searches")
public record OpenSearchLimits(@DefaultValue("1m") Duration keepAlive,
                               @DefaultValue("5") int perCaller,
                               @DefaultValue("500") int total) {

    /** The keep-alive as Elasticsearch takes it. */
    String keepAliveTime() {
        return keepAlive.toMillis() + "ms";
    }
}
