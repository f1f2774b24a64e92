package dev.marketplace.api.developer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record VerifyDeveloperCommand(@TargetAggregateIdentifier String developerId) {
}
