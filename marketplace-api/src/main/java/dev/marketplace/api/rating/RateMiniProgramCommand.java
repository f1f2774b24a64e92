package dev.marketplace.api.rating;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rate a mini-program as the sending user, or edit their rating; {@code ratingId} is their {@link RatingId}. */
public record RateMiniProgramCommand(@TargetAggregateIdentifier String ratingId, String programId, int stars,
                                     String text) {
}
