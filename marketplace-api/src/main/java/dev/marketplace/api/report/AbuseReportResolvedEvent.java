package dev.marketplace.api.report;

import org.axonframework.serialization.Revision;

/** A reviewer closed a report, dismissing it or suspending the program (stored with the suspension itself). */
@Revision("1")
public record AbuseReportResolvedEvent(String reportId, String programId, String reporterId, ReportAction action,
                                       String comment, String reviewerId) {
}
