package dev.marketplace.query.history;

import dev.marketplace.api.developer.DeveloperEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.report.AbuseReportResolvedEvent;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Read model of the audit log: every decision a reviewer or admin made (claims, questions, approvals, rejections,
 * suspensions, reinstatements, ratings hidden or restored, abuse reports resolved, developers verified or
 * unverified), one row per event, by the actor in its metadata. Its own processor ({@value #PROCESSING_GROUP}, a
 * pooled one in application.yml), so a replay of it leaves the
 * catalogue alone. Replay-safe: rows are keyed by event id and the reset handler empties the table first.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
class AuditLogProjection {

    static final String PROCESSING_GROUP = "audit";

    private static final Set<Class<?>> DECISIONS = Set.of(
            ReviewClaimedEvent.class, InformationRequestedEvent.class, VersionApprovedEvent.class,
            VersionRejectedEvent.class, MiniProgramSuspendedEvent.class, MiniProgramReinstatedEvent.class, RatingHiddenEvent.class,
            RatingRestoredEvent.class);

    private final AuditLog log;

    AuditLogProjection(AuditLog log) {
        this.log = log;
    }

    /** Events without an actor were raised by the system (deadlines), not decided by anyone. */
    @EventHandler
    void on(ProgramEvent event, DomainEventMessage<?> message) {
        if (!DECISIONS.contains(event.getClass())) {
            return;
        }
        ActorMetadata.from(message.getMetaData()).map(Actor::userId).ifPresent(actor -> {
            String type = EventSummary.typeOf(message);
            log.record(new AuditEntry(message.getIdentifier(), actor, message.getTimestamp(), event.programId(),
                                      message.getAggregateIdentifier(), type, EventSummary.of(event, type)));
        });
    }

    /** An admin's decision about a developer; a badge lost by a rename has no actor and is nobody's decision. */
    @EventHandler
    void on(DeveloperEvent event, DomainEventMessage<?> message) {
        String admin = event instanceof DeveloperVerifiedEvent v ? v.adminId()
                : event instanceof DeveloperUnverifiedEvent u ? u.adminId() : null;
        if (admin == null) {
            return;
        }
        String type = EventSummary.typeOf(message);
        log.record(new AuditEntry(message.getIdentifier(), admin, message.getTimestamp(), null,
                                  event.developerId(), type, EventSummary.of(event, type)));
    }

    /** A report's resolution is a decision too; its subject is the report. */
    @EventHandler
    void on(AbuseReportResolvedEvent event, DomainEventMessage<?> message) {
        String type = EventSummary.typeOf(message);
        log.record(new AuditEntry(message.getIdentifier(), event.reviewerId(), message.getTimestamp(),
                                  event.programId(), message.getAggregateIdentifier(), type,
                                  EventSummary.of(event, type)));
    }

    @ResetHandler
    void prepareForReplay() {
        log.clear();
    }
}
