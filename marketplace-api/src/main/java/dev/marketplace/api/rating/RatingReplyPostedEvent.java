package dev.marketplace.api.rating;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/** The program's developer or an admin ({@code repliedBy}) replied to a rating; it replaces any earlier reply. */
@Revision("1")
public record RatingReplyPostedEvent(String ratingId, String programId, String userId, String reply,
                                     String repliedBy) implements ProgramEvent {
}
