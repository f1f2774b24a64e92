package dev.marketplace.api.program;

import org.axonframework.serialization.Revision;

/** A reviewer took a version in review; others cannot decide it while the claim stands (an admin can). */
@Revision("1")
public record ReviewClaimedEvent(String programId, String version, String reviewerId) implements ProgramEvent {
}
