package dev.marketplace.app.metrics;

import dev.marketplace.query.rebuild.CatalogueRebuild;
import dev.marketplace.query.rebuild.CatalogueRebuilds;
import dev.marketplace.query.rebuild.RebuildState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * {@code marketplace_catalogue_rebuild_processed_events} and {@code _total_events}: how far a running catalogue
 * rebuild has got. Present only while one runs or switches (the rebuild's row is shared by all nodes, so every node
 * reports the same), so the "rebuild stalled" alert watches exactly the rebuilds in progress.
 */
@Component
class CatalogueRebuildProgress implements SampledGauge {

    private final CatalogueRebuilds rebuilds;
    private final MultiGauge processed;
    private final MultiGauge total;

    CatalogueRebuildProgress(CatalogueRebuilds rebuilds, MeterRegistry registry) {
        this.rebuilds = rebuilds;
        this.processed = MultiGauge.builder("marketplace.catalogue.rebuild.processed.events")
                .description("Events a running catalogue rebuild has replayed").register(registry);
        this.total = MultiGauge.builder("marketplace.catalogue.rebuild.total.events")
                .description("Events a running catalogue rebuild replays before it switches").register(registry);
    }

    @Override
    public void sample() {
        Optional<CatalogueRebuild> running = rebuilds.progress().filter(
                r -> r.state() == RebuildState.RUNNING || r.state() == RebuildState.SWITCHING);
        processed.register(rows(running, CatalogueRebuild::processed), true);
        total.register(rows(running, CatalogueRebuild::total), true);
    }

    private static List<MultiGauge.Row<?>> rows(Optional<CatalogueRebuild> running,
                                                ToLongFunction<CatalogueRebuild> value) {
        return running.<List<MultiGauge.Row<?>>>map(r -> List.of(MultiGauge.Row.of(Tags.empty(),
                                                                                    value.applyAsLong(r))))
                      .orElse(List.of());
    }
}
