package dev.marketplace.api.program;

import java.util.List;

/** Where a version's automated package checks stand. */
public enum ChecksStatus {
    PENDING, PASSED, WARNINGS, FAILED;

    /** The outcome of finished checks: failed on any blocking finding, with warnings on any other. */
    public static ChecksStatus of(List<CheckFinding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == CheckSeverity.BLOCKING)) {
            return FAILED;
        }
        return findings.isEmpty() ? PASSED : WARNINGS;
    }
}
