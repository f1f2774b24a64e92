package dev.marketplace.api.report;

/**
 * Identifies one user's abuse report on one mini-program: a user has at most one report per program, and reporting
 * again updates it (or opens it again once resolved). Reports share the event store with programs, installations and
 * ratings, so the id carries its own prefix and never equals another aggregate's id.
 */
public record AbuseReportId(String programId, String userId) {

    private static final String PREFIX = "report:";

    public AbuseReportId {
        if (programId == null || programId.isBlank() || programId.indexOf(':') >= 0
                || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a report id needs a program id (without ':') and a user id");
        }
    }

    /** Parses an id made by {@link #value()}; the first colon after the prefix ends the program id. */
    public static AbuseReportId parse(String value) {
        int at = value == null || !value.startsWith(PREFIX) ? -1 : value.indexOf(':', PREFIX.length());
        if (at < 0 || value.substring(PREFIX.length(), at).isBlank() || value.substring(at + 1).isBlank()) {
            throw new IllegalArgumentException("'" + value
                                               + "' is not a report id (expected report:<programId>:<userId>)");
        }
        return new AbuseReportId(value.substring(PREFIX.length(), at), value.substring(at + 1));
    }

    public String value() {
        return PREFIX + programId + ':' + userId;
    }
}
