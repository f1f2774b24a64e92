package dev.marketplace.api.report;

/** What a reviewer decides on an abuse report. */
public enum ReportAction {
    /** Nothing wrong found: the report is closed and the program left as it is. */
    DISMISS,
    /** The report holds: the program is suspended (through the program's own suspension rule) and the report closed. */
    SUSPEND_PROGRAM
}
