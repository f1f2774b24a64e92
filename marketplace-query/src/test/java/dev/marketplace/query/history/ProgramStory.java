package dev.marketplace.query.history;

import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Writes a program's events into an in-memory Axon event store, each with its own actor and time. */
final class ProgramStory {

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Long> nextSequence = new HashMap<>();

    /** Appends an event caused by {@code actor} (null: raised by the system) at {@code at}. */
    ProgramStory event(String aggregateId, Object payload, Actor actor, Instant at) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        Map<String, ?> metadata = actor == null ? Map.of() : ActorMetadata.of(actor);
        store.publish(new GenericDomainEventMessage<>("MiniProgram", aggregateId, sequence, payload, metadata,
                                                      UUID.randomUUID().toString(), at));
        return this;
    }

    static void signIn(Actor actor) {
        List<SimpleGrantedAuthority> authorities = actor.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(actor.userId(), null, authorities));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
