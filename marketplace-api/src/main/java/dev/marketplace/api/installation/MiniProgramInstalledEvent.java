package dev.marketplace.api.installation;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/** A user who did not have the program installed installed it: an install count goes up by exactly one. */
@Revision("1")
public record MiniProgramInstalledEvent(String installationId, String programId, String userId) implements ProgramEvent {
}
