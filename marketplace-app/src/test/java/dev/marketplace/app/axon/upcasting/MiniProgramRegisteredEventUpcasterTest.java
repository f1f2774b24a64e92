package dev.marketplace.app.axon.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * Stored JSON in, event out, through the same serializer and the same upcasting path the event store takes. The
 * mapper is strict about unknown properties, so a leftover {@code ownerId} would fail the read.
 */
class MiniProgramRegisteredEventUpcasterTest {

    private static final String TYPE = MiniProgramRegisteredEvent.class.getName();

    /** As the first release stored it: no revision, the developer as {@code ownerId}, no tags, no icon. */
    private static final String BEFORE_REVISIONS = """
            {"programId":"prog-1","ownerId":"dev-1","name":"Coffee Shop",
             "summary":"Order coffee ahead and skip the queue","description":null,"category":"FOOD_AND_DRINK"}
            """;

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    private final MiniProgramRegisteredEventUpcaster upcaster = new MiniProgramRegisteredEventUpcaster();

    @Test
    void readsAPayloadStoredBeforeRevisionsAsRevisionOne() {
        DomainEventMessage<?> event = readThroughTheUpcaster(stored(TYPE, null, BEFORE_REVISIONS));

        assertThat(event.getPayload()).isEqualTo(new MiniProgramRegisteredEvent(
                "prog-1", "dev-1", "Coffee Shop", "Order coffee ahead and skip the queue", null,
                Category.FOOD_AND_DRINK, List.of(), null));
        assertThat(event.getAggregateIdentifier()).isEqualTo("prog-1");
        assertThat(event.getSequenceNumber()).isZero();
    }

    @Test
    void renamesTheOwnerAndAddsTheMissingFieldsUnderRevisionOne() {
        InitialEventRepresentation old = representationOf(stored(TYPE, null, BEFORE_REVISIONS));

        assertThat(upcaster.canUpcast(old)).isTrue();
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(old)).findFirst().orElseThrow();
        JsonNode payload = upcast.getData(JsonNode.class).getData();

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(TYPE, "1"));
        assertThat(payload.has("ownerId")).isFalse();
        assertThat(payload.get("developerId").asText()).isEqualTo("dev-1");
        assertThat(payload.get("tags").isArray()).isTrue();
        assertThat(payload.get("tags")).isEmpty();
        assertThat(payload.get("iconUrl").isNull()).isTrue();
    }

    @Test
    void leavesARevisionOnePayloadAsItIs() {
        MiniProgramRegisteredEvent current = new MiniProgramRegisteredEvent(
                "prog-1", "dev-1", "Coffee Shop", "Order coffee ahead", "Pick a drink.", Category.FOOD_AND_DRINK,
                List.of("coffee"), "https://cdn.example.com/icons/coffee.png");
        String json = serializer.serialize(current, String.class).getData();
        InitialEventRepresentation stored = representationOf(stored(TYPE, "1", json));

        assertThat(upcaster.canUpcast(stored)).isFalse();
        assertThat(upcaster.upcast(Stream.of(stored))).containsExactly(stored);
        assertThat(readThroughTheUpcaster(stored(TYPE, "1", json)).getPayload()).isEqualTo(current);
    }

    @Test
    void leavesOtherEventsStoredWithoutARevisionAlone() {
        String json = "{\"programId\":\"prog-1\",\"version\":\"1.0.0\"}";
        InitialEventRepresentation other = representationOf(stored(VersionWithdrawnEvent.class.getName(), null, json));

        assertThat(upcaster.canUpcast(other)).isFalse();
        assertThat(upcaster.upcast(Stream.of(other))).containsExactly(other);
    }

    private DomainEventMessage<?> readThroughTheUpcaster(GenericDomainEventEntry<String> entry) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcaster).next();
    }

    private InitialEventRepresentation representationOf(GenericDomainEventEntry<String> entry) {
        return new InitialEventRepresentation(entry, serializer);
    }

    private static GenericDomainEventEntry<String> stored(String payloadType, String revision, String payload) {
        return new GenericDomainEventEntry<>("MiniProgram", "prog-1", 0, "event-1",
                                             Instant.parse("2025-06-01T10:00:00Z"), payloadType, revision, payload,
                                             "{}");
    }
}
