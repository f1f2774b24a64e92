package dev.marketplace.api.rating;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record HideRatingCommand(@TargetAggregateIdentifier String ratingId) {
}
