package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code packageSize} is optional (null): the stored package knows its size; when given, it must match. */
public record SubmitVersionCommand(@TargetAggregateIdentifier String programId, String version, String changelog,
                                   List<Permission> permissions, List<PrivacyDataUse> privacyUses,
                                   String packageDigest, Long packageSize) {
}
