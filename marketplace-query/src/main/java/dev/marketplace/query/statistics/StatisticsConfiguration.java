package dev.marketplace.query.statistics;

import dev.marketplace.query.catalogue.projection.ProgramSequencingPolicy;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the statistics read side. */
@Configuration
class StatisticsConfiguration {

    /** Releases, installs and ratings of one program in one sequence: an install counts under the release before it. */
    @Bean
    ConfigurerModule statisticsSequencing() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(
                StatisticsProjection.PROCESSING_GROUP, c -> new ProgramSequencingPolicy());
    }
}
