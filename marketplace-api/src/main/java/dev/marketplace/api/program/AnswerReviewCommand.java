package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AnswerReviewCommand(@TargetAggregateIdentifier String programId, String version, String text) {
}
