package dev.marketplace.api.report;

import org.axonframework.serialization.Revision;

/** The reporter changed the reason or text of their open report. */
@Revision("1")
public record AbuseReportUpdatedEvent(String reportId, String programId, String reporterId, ReportReason reason,
                                      String text) {
}
