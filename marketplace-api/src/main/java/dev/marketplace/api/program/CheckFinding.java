package dev.marketplace.api.program;

/** One thing an automated check found in a package: in {@code file} at {@code line} (both null for the whole). */
public record CheckFinding(CheckSeverity severity, String code, String file, Integer line, String message) {
}
