package dev.marketplace.app.axon;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import dev.marketplace.api.security.ActorMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on plain JDBC: the tables are created by the Flyway migrations in {@code db/migration}, named in snake
 * case so that the same SQL runs on PostgreSQL and on H2.
 */
@Configuration
class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("claimed_at")
                .setOwnerColumn("owner_id")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * The dead letters of the processing groups that enable them (application.yml), in PostgreSQL as Axon keeps
     * them, asked once per batch rather than once per event whether an event's program is parked
     * ({@link DeadLettersCheckedPerBatch}).
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ConnectionProvider connections, TransactionManager transactions,
            DeadLetterSchema schema, @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer genericSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(processors, group -> config ->
                new DeadLettersCheckedPerBatch<>(group, JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group).connectionProvider(connections).transactionManager(transactions)
                        .schema(schema).genericSerializer(genericSerializer).eventSerializer(eventSerializer)
                        .build()));
    }

    /** Unique-key failures of an append are conflicts on PostgreSQL too, so commands that lose a race are retried. */
    @Bean
    @Primary
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /**
     * The event store for pooled processors, calling them back when events arrive (see {@link NotifyingEventSource});
     * named as a processor's {@code source} in application.yml.
     */
    @Bean
    NotifyingEventSource notifyingEventStore(EventStore eventStore) {
        return new NotifyingEventSource(eventStore);
    }

    /**
     * The same for the processors nobody waits on (audit, statistics, abuse reports, webhook deliveries): woken at
     * most once per {@code marketplace.events.background-linger}, so that under load each handles a linger's worth
     * of events per transaction instead of one transaction per event.
     */
    @Bean
    NotifyingEventSource backgroundEventStore(EventStore eventStore,
                                              @Value("${marketplace.events.background-linger}") Duration linger) {
        return new NotifyingEventSource(eventStore, "background-event-watcher", linger);
    }

    /** Every event caused by a command records the user who sent it. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.USER_ID, ActorMetadata.ROLES);
    }

    /**
     * A projection that fails on an event must stop and retry (with the processor's backoff), not log and skip:
     * skipping would leave the read model silently wrong.
     */
    @Bean
    ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
