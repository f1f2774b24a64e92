package dev.marketplace.api.program;

import java.time.Instant;
import java.util.List;

/**
 * One version of a mini-program; {@code id} is the {@link VersionId} value. {@code checks} is null for a version
 * submitted before packages were checked, and for viewers who may not see them.
 */
public record VersionView(String id, String miniProgramId, String number, VersionStatus status, String changelog,
                          List<Permission> permissions, List<PrivacyDataUse> privacyUses, String packageDigest,
                          long packageSize, Instant submittedAt, ReviewView review, int releasePercentage,
                          boolean escalated, PackageChecksView checks) {
}
