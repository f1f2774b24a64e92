package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** Its developer took the program out of the marketplace for good; its name stays reserved. */
@Revision("1")
public record MiniProgramDelistedEvent(String programId) implements ProgramEvent {
}
