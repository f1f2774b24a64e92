package dev.marketplace.app.subscription;

import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import java.time.Instant;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stands in for a second node: it appends events to the shared event store through a storage engine of its own,
 * so this node's event store is not told of them and its processors only find them by reading the database, as
 * they find the events another node stores.
 */
final class OtherNode {

    private final JdbcEventStorageEngine storage;
    private final JdbcTemplate jdbc;

    /** Built from this node's own database settings and serializers, as another node of the cluster has them. */
    OtherNode(ApplicationContext node) {
        this.storage = JdbcEventStorageEngine.builder()
                .connectionProvider(node.getBean(ConnectionProvider.class))
                .transactionManager(node.getBean(TransactionManager.class))
                .schema(node.getBean(EventSchema.class))
                .eventSerializer(node.getBean("eventSerializer", Serializer.class))
                .snapshotSerializer(node.getBean("serializer", Serializer.class))
                .build();
        this.jdbc = node.getBean(JdbcTemplate.class);
    }

    /** Appends the approval a reviewer would have made through the other node. */
    void approve(String programId, String version, String reviewerId) {
        Long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                                        + " where aggregate_identifier = ?", Long.class, programId);
        String type = jdbc.queryForObject("select type from domain_event_entry where aggregate_identifier = ?"
                                          + " and sequence_number = 0", String.class, programId);
        storage.appendEvents(new GenericDomainEventMessage<>(
                type, programId, last + 1, new VersionApprovedEvent(programId, version, reviewerId, "Fine"),
                ActorMetadata.of(Actor.of(reviewerId, Role.REVIEWER)),
                IdentifierFactory.getInstance().generateIdentifier(), Instant.now()));
    }
}
