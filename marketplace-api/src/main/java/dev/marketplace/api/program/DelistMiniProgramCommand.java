package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DelistMiniProgramCommand(@TargetAggregateIdentifier String programId) {
}
