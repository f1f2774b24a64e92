package dev.marketplace.api.rating;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FlagRatingCommand(@TargetAggregateIdentifier String ratingId, FlagReason reason) {
}
