package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** A takedown by a reviewer: the program leaves the catalogue until reinstated. */
@Revision("1")
public record MiniProgramSuspendedEvent(String programId, String reviewerId, String reason) implements ProgramEvent {
}
