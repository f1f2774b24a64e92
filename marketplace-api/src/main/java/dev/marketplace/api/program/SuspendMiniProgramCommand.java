package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendMiniProgramCommand(@TargetAggregateIdentifier String programId, String reason) {
}
