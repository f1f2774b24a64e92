package dev.marketplace.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveAbuseReportCommand(@TargetAggregateIdentifier String reportId, ReportAction action,
                                        String comment) {
}
