package dev.marketplace.api.rating;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/**
 * A user ({@code flaggedBy}) reported {@code userId}'s rating. {@code flagCount} is the number of distinct users who
 * have flagged it now, so a moderation view stores it as is rather than counting events.
 */
@Revision("1")
public record RatingFlaggedEvent(String ratingId, String programId, String userId, String flaggedBy,
                                 FlagReason reason, int flagCount) implements ProgramEvent {
}
