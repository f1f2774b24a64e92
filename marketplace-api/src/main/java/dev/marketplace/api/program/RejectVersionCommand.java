package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectVersionCommand(@TargetAggregateIdentifier String programId, String version,
                                   List<RejectionReason> reasons, String comment) {
}
