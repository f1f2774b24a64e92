package dev.marketplace.api.rating;

import dev.marketplace.api.shared.PerUserIdForm;

/**
 * Identifies one user's rating of one mini-program; a user rates a program at most once, and rating again edits it.
 * Ratings share the event store with programs and installations, so the id carries its own prefix and can never
 * equal a program id (program ids hold no colon) or an installation id. Clients send it back as {@code ratingId}.
 */
public record RatingId(String programId, String userId) {

    public static final PerUserIdForm FORM = new PerUserIdForm("rating:", "a rating id");

    public RatingId {
        FORM.check(programId, userId);
    }

    /** Parses an id made by {@link #value()}; the first colon after the prefix ends the program id. */
    public static RatingId parse(String value) {
        return FORM.parse(value, RatingId::new);
    }

    public String value() {
        return FORM.value(programId, userId);
    }
}
