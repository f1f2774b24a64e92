package dev.marketplace.command.graphql;

import dev.marketplace.api.report.ReportReason;

record ReportInput(String miniProgramId, ReportReason reason, String text) {
}
