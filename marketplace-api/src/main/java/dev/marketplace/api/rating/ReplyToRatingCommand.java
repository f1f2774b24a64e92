package dev.marketplace.api.rating;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReplyToRatingCommand(@TargetAggregateIdentifier String ratingId, String text) {
}
