package dev.marketplace.api.rating;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/** A reviewer showed a hidden rating again; {@code stars} lets a summary of visible ratings count it again. */
@Revision("1")
public record RatingRestoredEvent(String ratingId, String programId, String userId, int stars, String reviewerId) implements ProgramEvent {
}
