package dev.marketplace.query.reports;

import dev.marketplace.api.report.AbuseReportView;
import dev.marketplace.query.shared.PageInfo;
import java.util.List;

/** A page of abuse reports as the schema's Relay connection. */
record AbuseReportConnection(List<AbuseReportEdge> edges, PageInfo pageInfo, long totalCount) {

    record AbuseReportEdge(AbuseReportView node, String cursor) {
    }
}
