package dev.marketplace.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportMiniProgramCommand(@TargetAggregateIdentifier String reportId, String programId,
                                       ReportReason reason, String text) {
}
