package dev.marketplace.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code overrideChecks}: an ADMIN approves despite failed package checks, saying why in the comment. */
public record ApproveVersionCommand(@TargetAggregateIdentifier String programId, String version, String comment,
                                    boolean overrideChecks) {
}
