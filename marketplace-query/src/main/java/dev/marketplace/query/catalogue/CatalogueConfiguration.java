package dev.marketplace.query.catalogue;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the catalogue read side. */
@Configuration
class CatalogueConfiguration {

    /**
     * Documents go to Elasticsearch with the application's own JSON settings (java.time as ISO-8601 text), not the
     * client's bare defaults, which cannot write an {@link java.time.Instant} at all.
     */
    @Bean
    JsonpMapper jsonpMapper(ObjectMapper objectMapper) {
        return new JacksonJsonpMapper(objectMapper.copy());
    }

    @Bean
    ConfigurerModule catalogueSequencing() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(CatalogueProjection.PROCESSING_GROUP, c -> new ProgramSequencingPolicy());
    }
}
