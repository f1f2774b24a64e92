package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** The takedown is lifted; the program returns to {@code status} (LIVE when it has a released version). */
@Revision("1")
public record MiniProgramReinstatedEvent(String programId, String reviewerId, ProgramStatus status) implements ProgramEvent {
}
