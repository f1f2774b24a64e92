package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitVersionCommand(@TargetAggregateIdentifier String programId, String version, String changelog,
                                   List<Permission> permissions, List<PrivacyDataUse> privacyUses,
                                   String packageDigest, long packageSize) {
}
