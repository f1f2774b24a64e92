package dev.marketplace.query.catalogue.projection;

import dev.marketplace.query.catalogue.index.CatalogueIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
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
                .registerSequencingPolicy(CatalogueProjection.PROCESSING_GROUP, c -> new ProgramSequencingPolicy())
                .registerSequencingPolicy(CatalogueReplays.REBUILD_PROCESSOR, c -> new ProgramSequencingPolicy());
    }

    /**
     * The same projection a second time, for a rebuild's own processor: it writes to the building index's alias and
     * to popularity tables of its own, so the live processor and index go on untouched until the switch. Not a
     * Spring bean, or Axon would also find it and give it to the live processor by its annotation.
     */
    @Bean
    ConfigurerModule catalogueRebuildProjection(ElasticsearchClient client, CatalogueIndex index,
                                                PopularityStore popularity,
                                                ObjectProvider<EventProcessingConfiguration> processing) {
        CatalogueProjection rebuild = new CatalogueProjection(client, index, popularity.rebuilding(), processing,
                                                              CatalogueReplays.REBUILD_PROCESSOR,
                                                              index.buildingAlias());
        return configurer -> configurer.eventProcessing()
                .registerEventHandler(c -> rebuild)
                .assignHandlerInstancesMatching(CatalogueReplays.REBUILD_PROCESSOR, handler -> handler == rebuild);
    }
}
