package dev.marketplace.api.report;

import java.time.Instant;

/**
 * A report as its reporter and reviewers see it; {@code reporters} is how many users have an open report on the
 * same program (filled in by the read side; the aggregate knows only its own report and answers 0).
 */
public record AbuseReportView(String id, String miniProgramId, String reporterId, ReportReason reason, String text,
                              ReportStatus status, String resolutionComment, String resolvedBy, Instant reportedAt,
                              Instant updatedAt, Instant resolvedAt, int reporters) {
}
