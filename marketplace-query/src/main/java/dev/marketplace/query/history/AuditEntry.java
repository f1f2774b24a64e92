package dev.marketplace.query.history;

import java.time.Instant;

/**
 * One decision a reviewer or admin made: on which program ({@code subjectId} is the program, or the rating for a
 * rating hidden or restored), what, by whom, when, in a sentence.
 */
public record AuditEntry(String eventId, String actor, Instant at, String miniProgramId, String subjectId,
                         String type, String summary) {
}
