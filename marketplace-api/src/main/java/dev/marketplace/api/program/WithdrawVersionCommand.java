package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawVersionCommand(@TargetAggregateIdentifier String programId, String version) {
}
