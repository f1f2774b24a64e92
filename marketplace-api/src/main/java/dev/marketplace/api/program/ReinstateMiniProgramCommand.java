package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateMiniProgramCommand(@TargetAggregateIdentifier String programId) {
}
