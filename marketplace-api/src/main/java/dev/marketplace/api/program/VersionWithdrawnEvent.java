package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

@Revision("1")
public record VersionWithdrawnEvent(String programId, String version) implements ProgramEvent {
}
