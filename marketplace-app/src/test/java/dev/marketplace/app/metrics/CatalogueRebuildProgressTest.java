package dev.marketplace.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.marketplace.query.rebuild.CatalogueRebuild;
import dev.marketplace.query.rebuild.CatalogueRebuilds;
import dev.marketplace.query.rebuild.RebuildState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rebuild's progress series exist exactly while a rebuild runs or switches, with its figures. */
class CatalogueRebuildProgressTest {

    final CatalogueRebuilds rebuilds = mock(CatalogueRebuilds.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CatalogueRebuildProgress progress = new CatalogueRebuildProgress(rebuilds, registry);

    @Test
    void aRunningRebuildIsReportedAndAFinishedOneIsNot() {
        when(rebuilds.progress()).thenReturn(Optional.of(rebuild(RebuildState.RUNNING, 1_200, 12_000)));
        progress.sample();
        assertThat(registry.get("marketplace.catalogue.rebuild.processed.events").gauge().value()).isEqualTo(1_200);
        assertThat(registry.get("marketplace.catalogue.rebuild.total.events").gauge().value()).isEqualTo(12_000);

        when(rebuilds.progress()).thenReturn(Optional.of(rebuild(RebuildState.DONE, 12_000, 12_000)));
        progress.sample();
        assertThat(registry.find("marketplace.catalogue.rebuild.processed.events").gauges()).isEmpty();

        when(rebuilds.progress()).thenReturn(Optional.empty());
        progress.sample();
        assertThat(registry.find("marketplace.catalogue.rebuild.total.events").gauges()).isEmpty();
    }

    private static CatalogueRebuild rebuild(RebuildState state, long processed, long total) {
        return new CatalogueRebuild(state, processed, total, 400.0, 27L, "admin", Instant.EPOCH, null,
                                    "marketplace-catalogue-x", null);
    }
}
