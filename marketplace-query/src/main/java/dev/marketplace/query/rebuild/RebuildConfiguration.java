package dev.marketplace.query.rebuild;

import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rebuild processor claims segments only while a rebuild runs ({@link RebuildGate}). */
@Configuration
class RebuildConfiguration {

    @Bean
    ConfigurerModule rebuildProcessorGate(RebuildGate gate) {
        // Axon's builder asks the provider once and insists on a positive answer; that first call is the builder's
        // check (the processor does not run yet), later ones are the coordinator's.
        AtomicBoolean checked = new AtomicBoolean();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                CatalogueReplays.REBUILD_PROCESSOR, (config, builder) -> builder.maxSegmentProvider(
                        name -> checked.getAndSet(true) ? gate.maxSegments() : 1));
    }
}
