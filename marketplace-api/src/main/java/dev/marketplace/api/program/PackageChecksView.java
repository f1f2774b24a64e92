package dev.marketplace.api.program;

import java.util.List;

/** A version's automated package checks: pending until they ran, then their findings. */
public record PackageChecksView(ChecksStatus status, List<CheckFinding> findings) {

    public static final PackageChecksView PENDING = new PackageChecksView(ChecksStatus.PENDING, List.of());

    public static PackageChecksView of(List<CheckFinding> findings) {
        return new PackageChecksView(ChecksStatus.of(findings), List.copyOf(findings));
    }
}
