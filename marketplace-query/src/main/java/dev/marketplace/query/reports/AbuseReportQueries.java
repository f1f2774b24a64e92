package dev.marketplace.query.reports;

import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.api.report.ReportStatus;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.reports.AbuseReportConnection.AbuseReportEdge;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.shared.PageInfo;
import dev.marketplace.query.shared.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Abuse reports: reviewers see every report, the programs most users reported first; anyone else signed in sees
 * only their own reports and how they were resolved. Pages are positions in that order, sealed for the caller's
 * view of the list, so a cursor cannot be carried from one status filter or one user's list to another.
 */
@Controller
record AbuseReportQueries(AbuseReports reports, CursorSeal seal) {

    static final int MAX_PAGE = 100;
    private static final String CURSORS = "abuse-reports";

    @QueryMapping
    AbuseReportConnection abuseReports(@Argument ReportStatus status, @Argument int first, @Argument String after) {
        Actor viewer = Viewer.required();
        if (first < 0 || first > MAX_PAGE) {
            throw RuleViolation.invalid("first", "must be between 0 and " + MAX_PAGE + ", not " + first);
        }
        String reporter = viewer.acts(Role.REVIEWER) ? null : viewer.userId();
        String purpose = CURSORS + "|" + status + "|" + reporter;
        int offset = after == null ? 0 : offset(seal.open(purpose, after));
        List<AbuseReportView> rows = reports.page(status, reporter, offset, first + 1);
        List<AbuseReportEdge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(first, rows.size()); i++) {
            edges.add(new AbuseReportEdge(rows.get(i), seal.seal(purpose, Integer.toString(offset + i + 1))));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new AbuseReportConnection(edges, new PageInfo(rows.size() > first, end),
                                         reports.count(status, reporter));
    }

    private static int offset(String payload) {
        try {
            return Integer.parseInt(payload);
        } catch (NumberFormatException e) {
            throw CursorSeal.notACursor();
        }
    }
}
