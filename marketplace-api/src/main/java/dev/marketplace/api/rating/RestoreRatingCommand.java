package dev.marketplace.api.rating;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestoreRatingCommand(@TargetAggregateIdentifier String ratingId) {
}
