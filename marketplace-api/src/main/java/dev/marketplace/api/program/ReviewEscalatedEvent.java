package dev.marketplace.api.program;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A version has waited for a decision longer than the review SLA. */
@Revision("1")
public record ReviewEscalatedEvent(String programId, String version, Instant submittedAt, Duration sla) implements ProgramEvent {
}
