package dev.marketplace.api.report;

/** Where an abuse report stands; its reporter sees it too. */
public enum ReportStatus {
    OPEN,
    DISMISSED,
    PROGRAM_SUSPENDED
}
