package dev.marketplace.query.reports;

import dev.marketplace.api.report.AbuseReportResolvedEvent;
import dev.marketplace.api.report.AbuseReportUpdatedEvent;
import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.api.report.MiniProgramReportedEvent;
import dev.marketplace.api.report.ReportAction;
import dev.marketplace.api.report.ReportStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Read model of abuse reports: one row per report, for the reviewers' queue and each reporter's own list. Its own
 * processor ({@value #PROCESSING_GROUP}), so replaying it leaves the other read models alone. Each event rewrites
 * the whole row from the one before, versioned by the report's own sequence, so an event applied twice changes
 * nothing; the reset handler empties the table before a replay.
 */
@Component
@ProcessingGroup(AbuseReportProjection.PROCESSING_GROUP)
record AbuseReportProjection(AbuseReports reports) {

    static final String PROCESSING_GROUP = "abuse-reports";

    @EventHandler
    void on(MiniProgramReportedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        reports.save(new AbuseReportView(event.reportId(), event.programId(), event.reporterId(), event.reason(),
                                         event.text(), ReportStatus.OPEN, null, null, when, when, null, 0), sequence);
    }

    @EventHandler
    void on(AbuseReportUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        AbuseReportView before = reports.find(event.reportId());
        if (before != null) {
            reports.save(new AbuseReportView(before.id(), before.miniProgramId(), before.reporterId(), event.reason(),
                                             event.text(), before.status(), null, null, before.reportedAt(),
                                             at.truncatedTo(ChronoUnit.MILLIS), null, 0), sequence);
        }
    }

    @EventHandler
    void on(AbuseReportResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        AbuseReportView before = reports.find(event.reportId());
        if (before != null) {
            Instant when = at.truncatedTo(ChronoUnit.MILLIS);
            ReportStatus status = event.action() == ReportAction.SUSPEND_PROGRAM ? ReportStatus.PROGRAM_SUSPENDED
                                                                                  : ReportStatus.DISMISSED;
            reports.save(new AbuseReportView(before.id(), before.miniProgramId(), before.reporterId(),
                                             before.reason(), before.text(), status, event.comment(),
                                             event.reviewerId(), before.reportedAt(), when, when, 0), sequence);
        }
    }

    @ResetHandler
    void prepareForReplay() {
        reports.clear();
    }
}
