package dev.marketplace.query.reports;

import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.api.report.ReportReason;
import dev.marketplace.api.report.ReportStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The abuse report table. A row is the whole report as of the aggregate sequence it records; a write for an
 * earlier or equal sequence changes nothing, so replays and redeliveries are harmless.
 */
@Repository
class AbuseReports {

    /** Distinct users with an open report on the row's program: each user has at most one report per program. */
    private static final String REPORTERS = "(select count(*) from abuse_report o where o.program_id = r.program_id"
                                            + " and o.status = 'OPEN')";

    private final JdbcTemplate jdbc;

    AbuseReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(AbuseReportView report, long sequence) {
        int updated = jdbc.update(
                "update abuse_report set reason = ?, text = ?, status = ?, resolution_comment = ?, resolved_by = ?,"
                + " reported_at = ?, updated_at = ?, resolved_at = ?, sequence = ? where report_id = ? and sequence < ?",
                report.reason().name(), report.text(), report.status().name(), report.resolutionComment(),
                report.resolvedBy(), Timestamp.from(report.reportedAt()), Timestamp.from(report.updatedAt()),
                timestamp(report.resolvedAt()), sequence, report.id(), sequence);
        if (updated == 0) {
            jdbc.update("insert into abuse_report (report_id, program_id, reporter_id, reason, text, status,"
                        + " resolution_comment, resolved_by, reported_at, updated_at, resolved_at, sequence)"
                        + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " where not exists (select 1 from abuse_report where report_id = ?)",
                        report.id(), report.miniProgramId(), report.reporterId(), report.reason().name(),
                        report.text(), report.status().name(), report.resolutionComment(), report.resolvedBy(),
                        Timestamp.from(report.reportedAt()), Timestamp.from(report.updatedAt()),
                        timestamp(report.resolvedAt()), sequence, report.id());
        }
    }

    AbuseReportView find(String reportId) {
        return jdbc.query("select r.*, " + REPORTERS + " as reporters from abuse_report r where report_id = ?",
                          AbuseReports::toView, reportId).stream().findFirst().orElse(null);
    }

    void clear() {
        jdbc.update("delete from abuse_report");
    }

    /**
     * Reports with {@code status} (every status when null), of {@code reporterId} only when given: the programs most
     * users reported first, then the oldest report first; {@code limit} rows from {@code offset}.
     */
    List<AbuseReportView> page(ReportStatus status, String reporterId, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select r.*, " + REPORTERS + " as reporters from abuse_report r"
                                              + " where 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(sql, args, status, reporterId);
        sql.append(" order by reporters desc, reported_at, report_id limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), AbuseReports::toView, args.toArray());
    }

    long count(ReportStatus status, String reporterId) {
        StringBuilder sql = new StringBuilder("select count(*) from abuse_report r where 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(sql, args, status, reporterId);
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    private static void filter(StringBuilder sql, List<Object> args, ReportStatus status, String reporterId) {
        if (status != null) {
            sql.append(" and r.status = ?");
            args.add(status.name());
        }
        if (reporterId != null) {
            sql.append(" and r.reporter_id = ?");
            args.add(reporterId);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static AbuseReportView toView(ResultSet rs, int row) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new AbuseReportView(rs.getString("report_id"), rs.getString("program_id"),
                                   rs.getString("reporter_id"), ReportReason.valueOf(rs.getString("reason")),
                                   rs.getString("text"), ReportStatus.valueOf(rs.getString("status")),
                                   rs.getString("resolution_comment"), rs.getString("resolved_by"),
                                   rs.getTimestamp("reported_at").toInstant(),
                                   rs.getTimestamp("updated_at").toInstant(),
                                   resolvedAt == null ? null : resolvedAt.toInstant(), rs.getInt("reporters"));
    }
}
