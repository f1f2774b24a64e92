package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseVersionCommand(@TargetAggregateIdentifier String programId, String version, int percentage) {
}
