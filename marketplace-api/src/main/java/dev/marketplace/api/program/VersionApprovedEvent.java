package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

@Revision("1")
public record VersionApprovedEvent(String programId, String version, String reviewerId, String comment) implements ProgramEvent {
}
