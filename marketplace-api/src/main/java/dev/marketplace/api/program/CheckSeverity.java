package dev.marketplace.api.program;

/** How much a package check's finding weighs: a blocking one fails the checks, a warning only reports. */
public enum CheckSeverity {
    BLOCKING, WARNING
}
