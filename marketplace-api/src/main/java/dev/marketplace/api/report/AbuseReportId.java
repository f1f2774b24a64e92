package dev.marketplace.api.report;

import dev.marketplace.api.shared.PerUserIdForm;

/**
 * Identifies one user's abuse report on one mini-program: a user has at most one report per program, and reporting
 * again updates it (or opens it again once resolved). Reports share the event store with programs, installations and
 * ratings, so the id carries its own prefix and never equals another aggregate's id.
 */
public record AbuseReportId(String programId, String userId) {

    public static final PerUserIdForm FORM = new PerUserIdForm("report:", "a report id");

    public AbuseReportId {
        FORM.check(programId, userId);
    }

    public String value() {
        return FORM.value(programId, userId);
    }
}
