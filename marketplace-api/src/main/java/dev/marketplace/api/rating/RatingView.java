package dev.marketplace.api.rating;

import java.time.Instant;

/** A rating as clients see it; {@code id} is the {@link RatingId} value and {@code userId} its author. */
public record RatingView(String id, String miniProgramId, String userId, int stars, String text, String reply,
                         boolean hidden, int flagCount, Instant createdAt, Instant updatedAt) {
}
