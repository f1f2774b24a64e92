package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** A phased release was left below 100% too long and was withdrawn; the version is approved but unreleased. */
@Revision("1")
public record PhasedReleaseExpiredEvent(String programId, String version, int percentage) implements ProgramEvent {
}
