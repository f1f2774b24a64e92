package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClaimReviewCommand(@TargetAggregateIdentifier String programId, String version) {
}
