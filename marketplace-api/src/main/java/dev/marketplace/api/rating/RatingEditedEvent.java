package dev.marketplace.api.rating;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/**
 * The author changed their rating. One rating moves from the {@code previousStars} bucket to the {@code stars}
 * bucket, and the count stays; {@code hidden} says whether the rating is hidden, so a summary of visible ratings
 * knows whether the move concerns it.
 */
@Revision("1")
public record RatingEditedEvent(String ratingId, String programId, String userId, int stars, int previousStars,
                                String text, boolean hidden) implements ProgramEvent {
}
