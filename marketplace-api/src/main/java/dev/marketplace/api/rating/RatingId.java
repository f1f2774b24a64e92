package dev.marketplace.api.rating;

/**
 * Identifies one user's rating of one mini-program; a user rates a program at most once, and rating again edits it.
 * Ratings share the event store with programs and installations, so the id carries its own prefix and can never
 * equal a program id (program ids hold no colon) or an installation id. Clients send it back as {@code ratingId}.
 */
public record RatingId(String programId, String userId) {

    private static final String PREFIX = "rating:";

    public RatingId {
        if (programId == null || programId.isBlank() || programId.indexOf(':') >= 0
                || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a rating id needs a program id (without ':') and a user id");
        }
    }

    /** Parses an id made by {@link #value()}; the first colon after the prefix ends the program id. */
    public static RatingId parse(String value) {
        int at = value == null || !value.startsWith(PREFIX) ? -1 : value.indexOf(':', PREFIX.length());
        if (at < 0 || value.substring(PREFIX.length(), at).isBlank() || value.substring(at + 1).isBlank()) {
            throw new IllegalArgumentException("'" + value
                                               + "' is not a rating id (expected rating:<programId>:<userId>)");
        }
        return new RatingId(value.substring(PREFIX.length(), at), value.substring(at + 1));
    }

    public String value() {
        return PREFIX + programId + ':' + userId;
    }
}
