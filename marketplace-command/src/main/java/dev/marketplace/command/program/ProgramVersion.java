package dev.marketplace.command.program;

import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.ReviewView;
import dev.marketplace.api.program.SemanticVersion;
import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The write side's state of one version inside the {@link MiniProgram} aggregate; changed only by its events. */
final class ProgramVersion {

    final SemanticVersion number;
    final String changelog;
    final List<Permission> permissions;
    final List<PrivacyDataUse> privacyUses;
    final String digest;
    final long size;
    final Instant submittedAt;
    VersionStatus status = VersionStatus.IN_REVIEW;
    String reviewer;
    ReviewOutcome outcome;
    List<RejectionReason> reasons = List.of();
    String comment;
    Instant decidedAt;
    int releasePercentage;

    ProgramVersion(SemanticVersion number, String changelog, List<Permission> permissions,
                   List<PrivacyDataUse> privacyUses, String digest, long size, Instant submittedAt) {
        this.number = number;
        this.changelog = changelog;
        this.permissions = permissions;
        this.privacyUses = privacyUses;
        this.digest = digest;
        this.size = size;
        this.submittedAt = submittedAt;
    }

    /** Value equality over every field, so Axon's fixtures can verify that state changes only through events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProgramVersion v && size == v.size && releasePercentage == v.releasePercentage
                && number.equals(v.number) && changelog.equals(v.changelog) && permissions.equals(v.permissions)
                && privacyUses.equals(v.privacyUses) && digest.equals(v.digest)
                && Objects.equals(submittedAt, v.submittedAt) && status == v.status
                && Objects.equals(reviewer, v.reviewer) && outcome == v.outcome && reasons.equals(v.reasons)
                && Objects.equals(comment, v.comment) && Objects.equals(decidedAt, v.decidedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, status, releasePercentage);
    }

    VersionView toView(String programId) {
        ReviewView review = reviewer == null && outcome == null ? null
                : new ReviewView(reviewer, outcome, reasons, comment, decidedAt);
        return new VersionView(new VersionId(programId, number.toString()).value(), programId, number.toString(),
                               status, changelog, permissions, privacyUses, digest, size, submittedAt, review,
                               releasePercentage);
    }
}
