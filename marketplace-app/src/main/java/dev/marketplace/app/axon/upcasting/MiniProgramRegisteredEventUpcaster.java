package dev.marketplace.app.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link MiniProgramRegisteredEvent} stored before events carried a revision: that payload named the
 * developer {@code ownerId} and had no {@code tags} or {@code iconUrl}. It becomes revision 1 with the developer
 * renamed, no tags and no icon. Axon's Spring Boot support puts every upcaster bean into the event store's chain.
 */
@Component
class MiniProgramRegisteredEventUpcaster extends SingleEventUpcaster {

    private static final String TYPE = MiniProgramRegisteredEvent.class.getName();
    private static final SimpleSerializedType UNREVISIONED = new SimpleSerializedType(TYPE, null);
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return UNREVISIONED.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_1, JsonNode.class,
                                                        MiniProgramRegisteredEventUpcaster::toRevision1);
    }

    private static JsonNode toRevision1(JsonNode payload) {
        ObjectNode event = ((ObjectNode) payload).deepCopy();
        JsonNode owner = event.remove("ownerId");
        if (owner != null && !event.has("developerId")) {
            event.set("developerId", owner);
        }
        if (!event.has("tags")) {
            event.putArray("tags");
        }
        if (!event.has("iconUrl")) {
            event.putNull("iconUrl");
        }
        return event;
    }
}
