package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveVersionCommand(@TargetAggregateIdentifier String programId, String version, String comment) {
}
