package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** Users get {@code toVersion} again; {@code fromVersion} (and any phased release) is withdrawn from them. */
@Revision("1")
public record ReleaseRolledBackEvent(String programId, String fromVersion, String toVersion) implements ProgramEvent {
}
