package dev.marketplace.api.rating;

import dev.marketplace.api.program.ProgramEvent;
import org.axonframework.serialization.Revision;

/** A user rated a program for the first time: the program's rating count and its {@code stars} bucket grow by one. */
@Revision("1")
public record MiniProgramRatedEvent(String ratingId, String programId, String userId, int stars, String text) implements ProgramEvent {
}
