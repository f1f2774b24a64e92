package dev.marketplace.api.installation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Install a mini-program for the user who sends it; {@code installationId} is that user's {@link InstallationId}. */
public record InstallMiniProgramCommand(@TargetAggregateIdentifier String installationId, String programId) {
}
