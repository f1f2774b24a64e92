package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RollbackReleaseCommand(@TargetAggregateIdentifier String programId, String toVersion) {
}
