package dev.marketplace.api.developer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnverifyDeveloperCommand(@TargetAggregateIdentifier String developerId) {
}
