package dev.marketplace.api.rating;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/** A reviewer hid a rating from the public; {@code stars} lets a summary of visible ratings drop it from its bucket. */
@Revision("1")
public record RatingHiddenEvent(String ratingId, String programId, String userId, int stars, String reviewerId) implements ProgramEvent {
}
