package dev.marketplace.api.installation;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/** A user who had the program installed removed it: an install count goes down by exactly one. */
@Revision("1")
public record MiniProgramUninstalledEvent(String installationId, String programId, String userId) implements ProgramEvent {
}
