package dev.marketplace.app.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Turns program events into deliveries, one per subscribed endpoint of the program's owner, written in this
 * processor's transaction together with its tracking token: an event handled again (after a crash, on another node)
 * queues nothing twice. Sending is {@link WebhookSender}'s, apart from this processor, so a slow endpoint holds up
 * neither commands nor this stream. Not replayed: a replay would announce old events again.
 */
@Component
@ProcessingGroup(WebhookDeliveryProjection.PROCESSING_GROUP)
@DisallowReplay
record WebhookDeliveryProjection(Webhooks webhooks, ObjectMapper json) {

    static final String PROCESSING_GROUP = "webhooks";

    @EventHandler
    void on(MiniProgramRegisteredEvent event) {
        webhooks.ownProgram(event.programId(), event.developerId());
    }

    @EventHandler
    void on(ProgramEvent event, EventMessage<?> message, @Timestamp Instant at) {
        WebhookEvent type = typeOf(event);
        if (type == null) {
            return;
        }
        for (Webhook webhook : webhooks.subscribedTo(event.programId(), type)) {
            String deliveryId = message.getIdentifier() + "/" + webhook.id();
            webhooks.enqueue(deliveryId, webhook.id(), message.getIdentifier(), type,
                             payload(deliveryId, type, event, at), at);
        }
    }

    private String payload(String deliveryId, WebhookEvent type, ProgramEvent event, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deliveryId);
        body.put("event", type.name());
        body.put("occurredAt", at.toString());
        body.put("miniProgramId", event.programId());
        body.put("data", event);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event record that Jackson cannot write: " + event, e);
        }
    }

    static WebhookEvent typeOf(ProgramEvent event) {
        if (event instanceof VersionSubmittedEvent) {
            return WebhookEvent.VERSION_SUBMITTED;
        } else if (event instanceof PackageCheckedEvent) {
            return WebhookEvent.CHECKS_FINISHED;
        } else if (event instanceof VersionApprovedEvent) {
            return WebhookEvent.VERSION_APPROVED;
        } else if (event instanceof VersionRejectedEvent) {
            return WebhookEvent.VERSION_REJECTED;
        } else if (event instanceof InformationRequestedEvent) {
            return WebhookEvent.INFORMATION_REQUESTED;
        } else if (event instanceof VersionReleasedEvent) {
            return WebhookEvent.VERSION_RELEASED;
        } else if (event instanceof ReviewEscalatedEvent) {
            return WebhookEvent.REVIEW_ESCALATED;
        } else if (event instanceof MiniProgramSuspendedEvent) {
            return WebhookEvent.PROGRAM_SUSPENDED;
        } else if (event instanceof MiniProgramReinstatedEvent) {
            return WebhookEvent.PROGRAM_REINSTATED;
        }
        return null;
    }
}
