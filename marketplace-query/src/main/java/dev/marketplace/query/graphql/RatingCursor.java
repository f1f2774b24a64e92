package dev.marketplace.query.graphql;

import dev.marketplace.api.rules.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Position in a program's ratings: the last rating's change time and id, as an opaque URL-safe string. */
record RatingCursor(Instant updatedAt, String ratingId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString((updatedAt + "|" + ratingId).getBytes(StandardCharsets.UTF_8));
    }

    static RatingCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new RatingCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw RuleViolation.invalid("after", "is not a cursor returned by this query");
        }
    }
}
