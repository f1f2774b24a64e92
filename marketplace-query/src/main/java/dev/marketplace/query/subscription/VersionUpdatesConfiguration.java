package dev.marketplace.query.subscription;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor behind version subscriptions. Subscriptions live in one JVM, so every node must see every event:
 * unlike the projections, whose segments nodes share through token claims in the database, this processor keeps its
 * token in memory, so no node ever claims it from another. It starts at the head of the stream, because a follower
 * only wants changes from now on and a restarted node has no followers yet.
 * <p>
 * It writes nothing and its token lives in memory, so it needs no database transaction: with Axon's defaults (one
 * event per batch, each in a JDBC transaction) it used as much CPU as the catalogue projection while nobody
 * followed anything. It reads in batches of {@value #BATCH_SIZE} events without a transaction manager instead.
 */
@Configuration
class VersionUpdatesConfiguration {

    static final String PROCESSING_GROUP = "version-status-updates";
    static final int BATCH_SIZE = 100;

    @Bean
    ConfigurerModule versionUpdatesOnEveryNode() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(
                        PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(PROCESSING_GROUP, c -> new InMemoryTokenStore())
                .registerTransactionManager(PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE)
                // A notification that failed is not worth stalling every later one for (the projections retry
                // instead); the follower still has the queries to read the current state.
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> new LoggingErrorHandler());
    }
}
