package dev.marketplace.api.report;

import org.axonframework.serialization.Revision;

/**
 * A user opened an abuse report on a program: the first time, or again after the earlier one was resolved. Not a
 * {@code ProgramEvent}: it belongs to the report's own stream, and read models of the program must not fold it in.
 */
@Revision("1")
public record MiniProgramReportedEvent(String reportId, String programId, String reporterId, ReportReason reason,
                                       String text) {
}
