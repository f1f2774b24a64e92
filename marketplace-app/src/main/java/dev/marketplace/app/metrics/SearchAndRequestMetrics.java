package dev.marketplace.app.metrics;

import dev.marketplace.query.catalogue.search.OpenSearches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Meters read on each scrape from what this node already keeps in memory. */
@Configuration
class SearchAndRequestMetrics {

    /** {@code marketplace_search_open_points_in_time}: paged searches holding a point in time on this node. */
    @Bean
    MeterBinder openPointsInTime(OpenSearches searches) {
        return registry -> Gauge.builder("marketplace.search.open.points.in.time", searches, OpenSearches::open)
                                .description("Points in time this node holds open for paged searches")
                                .register(registry);
    }

    /** GraphQL operations tagged by their (bounded) operation name. */
    @Bean
    OperationNameConvention graphQlOperationNames(MetricsProperties properties) {
        return new OperationNameConvention(properties.maxOperations());
    }
}
