package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** A version reached {@code percentage} of users; 100 is a full release and makes it the program's current one. */
@Revision("1")
public record VersionReleasedEvent(String programId, String version, int percentage) implements ProgramEvent {
}
