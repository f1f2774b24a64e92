package dev.marketplace.command.program;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.ReviewView;
import dev.marketplace.api.program.SemanticVersion;
import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The write side's state of one version inside the {@link MiniProgram} aggregate; changed only by its events. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
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
    boolean escalated;

    /** The version as submitted; a snapshot restores it through here, then sets the fields that events change. */
    @JsonCreator
    ProgramVersion(@JsonProperty("number") SemanticVersion number, @JsonProperty("changelog") String changelog,
                   @JsonProperty("permissions") List<Permission> permissions,
                   @JsonProperty("privacyUses") List<PrivacyDataUse> privacyUses, @JsonProperty("digest") String digest,
                   @JsonProperty("size") long size, @JsonProperty("submittedAt") Instant submittedAt) {
        this.number = number;
        this.changelog = changelog;
        this.permissions = permissions;
        this.privacyUses = privacyUses;
        this.digest = digest;
        this.size = size;
        this.submittedAt = submittedAt;
    }

    /** Refuses a review action unless the version waits for review and no other reviewer holds its claim. */
    void requireDecidableBy(Actor actor, String action) {
        if (status != VersionStatus.IN_REVIEW) {
            throw MiniProgramHistory.invalidTransition(action + " version " + number, "it is " + status);
        }
        if (reviewer != null && !reviewer.equals(actor.userId()) && !actor.isAdmin()) {
            throw new RuleViolation(RuleCode.CLAIMED_BY_OTHER,
                                    "Version " + number + " is claimed by reviewer " + reviewer + ".");
        }
    }

    /** Refuses a release unless it releases this approved version or widens its release, never behind current. */
    void requireReleasableTo(int percentage, ProgramVersion current) {
        boolean widening = status == VersionStatus.RELEASED && percentage > releasePercentage;
        if (status != VersionStatus.APPROVED && !widening) {
            throw MiniProgramHistory.invalidTransition("release version " + number + " to " + percentage + "%",
                                                       status == VersionStatus.RELEASED
                                                               ? "it is already released to " + releasePercentage + "%"
                                                               : "it is " + status);
        }
        if (current != null && number.compareTo(current.number) < 0) {
            throw MiniProgramHistory.invalidTransition("release version " + number, "it is older than the current "
                                                       + "version " + current.number
                                                       + " (roll back to go to an earlier version)");
        }
    }

    /** Refuses a rollback to this version unless it was released before and is older than {@code current}. */
    void requireRestorableOver(ProgramVersion current) {
        if (status != VersionStatus.SUPERSEDED || number.compareTo(current.number) >= 0) {
            throw MiniProgramHistory.invalidTransition("roll back to version " + number, "only an earlier version "
                                                       + "that was released before can be restored (it is " + status
                                                       + ")");
        }
    }

    void decide(ReviewOutcome decision, String by, List<RejectionReason> why, String note, Instant at) {
        status = decision == ReviewOutcome.APPROVED ? VersionStatus.APPROVED : VersionStatus.REJECTED;
        reviewer = by;
        outcome = decision;
        reasons = why;
        comment = note;
        decidedAt = at;
    }

    boolean isPhased() {
        return status == VersionStatus.RELEASED && releasePercentage < 100;
    }

    /** Value equality over every field, so Axon's fixtures can verify that state changes only through events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProgramVersion v && size == v.size && releasePercentage == v.releasePercentage
                && escalated == v.escalated && number.equals(v.number) && changelog.equals(v.changelog)
                && permissions.equals(v.permissions) && privacyUses.equals(v.privacyUses) && digest.equals(v.digest)
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
                               releasePercentage, escalated);
    }
}
