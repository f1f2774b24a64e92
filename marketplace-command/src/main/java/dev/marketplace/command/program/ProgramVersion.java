package dev.marketplace.command.program;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.CheckSeverity;
import dev.marketplace.api.program.ChecksStatus;
import dev.marketplace.api.program.PackageChecksView;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The write side's state of one version inside the {@link MiniProgram} aggregate. Its fields are its own: the
 * program's event-sourcing handlers change them only through the transitions below (withdraw, claim, decide,
 * escalate, release, supersede, expire), and its command handlers read them through the accessors and checks.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class ProgramVersion {

    private final SemanticVersion number;
    private final String changelog;
    private final List<Permission> permissions;
    private final List<PrivacyDataUse> privacyUses;
    private final String digest;
    private final long size;
    private final Instant submittedAt;
    private VersionStatus status = VersionStatus.IN_REVIEW;
    private String reviewer;
    private ReviewOutcome outcome;
    private List<RejectionReason> reasons = List.of();
    private String comment;
    private Instant decidedAt;
    private int releasePercentage;
    private boolean escalated;
    /** Review time counted before the latest question, and since when it counts again (null while paused). */
    private long reviewMillisBeforePause;
    private Instant reviewClockSince;
    private PackageChecksView checks = PackageChecksView.PENDING;

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
        this.reviewClockSince = submittedAt;
    }

    SemanticVersion number() {
        return number;
    }

    VersionStatus status() {
        return status;
    }

    /** The reviewer who claimed or decided this version, or null. */
    String reviewer() {
        return reviewer;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    int releasePercentage() {
        return releasePercentage;
    }

    /** Waiting for a decision and not yet escalated: the review SLA can still pass for it. */
    boolean isAwaitingEscalation() {
        return status == VersionStatus.IN_REVIEW && !escalated;
    }

    boolean escalated() {
        return escalated;
    }

    /** In review, or paused in it while a question waits for its answer. */
    boolean isUnderReview() {
        return status == VersionStatus.IN_REVIEW || status == VersionStatus.INFORMATION_REQUESTED;
    }

    /**
     * What is left of {@code sla} as the review resumes after an answer: the time this version waited for a reviewer
     * before each question is taken off, the time it waited for its developer is not.
     */
    Duration slaLeftOnResume(Duration sla) {
        Duration left = sla.minusMillis(reviewMillisBeforePause);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Refuses an answer unless a question waits for one. */
    void requireAwaitingAnswer() {
        if (status != VersionStatus.INFORMATION_REQUESTED) {
            throw RuleViolation.invalidTransition("answer the review of version " + number,
                                                  "no question is waiting (it is " + status + ")");
        }
    }

    /** Refuses a withdrawal unless the version waits for review. */
    void requireWithdrawable() {
        if (!isUnderReview()) {
            throw RuleViolation.invalidTransition("withdraw version " + number, "it is " + status);
        }
    }

    /** Refuses a review action unless the version waits for review and no other reviewer holds its claim. */
    void requireDecidableBy(Actor actor, String action) {
        if (status != VersionStatus.IN_REVIEW) {
            throw RuleViolation.invalidTransition(action + " version " + number, "it is " + status);
        }
        if (reviewer != null && !reviewer.equals(actor.userId()) && !actor.isAdmin()) {
            throw new RuleViolation(RuleCode.CLAIMED_BY_OTHER,
                                    "Version " + number + " is claimed by reviewer " + reviewer + ".");
        }
    }

    /** Refuses a release unless it releases this approved version or widens its release, never behind current. */
    void requireReleasableTo(int percentage, ProgramVersion current) {
        if (status == VersionStatus.RELEASED && percentage <= releasePercentage) {
            // Users who have the version keep it: a release only ever reaches more of them.
            throw new RuleViolation(RuleCode.RELEASE_NOT_WIDER, "percentage",
                                    "Cannot release version " + number + " to " + percentage
                                    + "%: it is already released to " + releasePercentage
                                    + "%, and a release can only widen.");
        }
        if (status != VersionStatus.APPROVED && status != VersionStatus.RELEASED) {
            throw RuleViolation.invalidTransition("release version " + number + " to " + percentage + "%",
                                                  "it is " + status);
        }
        if (current != null && number.compareTo(current.number) < 0) {
            throw RuleViolation.invalidTransition("release version " + number, "it is older than the current "
                                                       + "version " + current.number
                                                       + " (roll back to go to an earlier version)");
        }
    }

    /** Refuses a rollback to this version unless it was released before and is older than {@code current}. */
    void requireRestorableOver(ProgramVersion current) {
        if (status != VersionStatus.SUPERSEDED || number.compareTo(current.number) >= 0) {
            throw RuleViolation.invalidTransition("roll back to version " + number, "only an earlier version "
                                                       + "that was released before can be restored (it is " + status
                                                       + ")");
        }
    }

    void checked(List<CheckFinding> findings) {
        checks = PackageChecksView.of(findings);
    }

    /**
     * Refuses an approval while the package checks are pending, or after they failed unless an ADMIN overrides
     * them with a comment saying why.
     */
    void requireChecksAllowApproval(Actor actor, boolean override, String comment) {
        if (checks.status() == ChecksStatus.PENDING) {
            throw new RuleViolation(RuleCode.CHECKS_PENDING, "The package checks of version " + number
                                    + " are still running; approve once they are done.");
        }
        if (override && !actor.isAdmin()) {
            throw new RuleViolation(RuleCode.ROLE_REQUIRED, "Only an ADMIN may override failed package checks.");
        }
        if (checks.status() == ChecksStatus.FAILED && !override) {
            throw new RuleViolation(RuleCode.CHECKS_FAILED, "The package checks of version " + number + " found "
                                    + checks.findings().stream().filter(f -> f.severity() == CheckSeverity.BLOCKING)
                                            .count() + " blocking problem(s); it cannot be approved.");
        }
        if (override && (comment == null || comment.isBlank())) {
            throw RuleViolation.invalid("comment", "say why the failed checks are overridden");
        }
    }

    boolean checksPending() {
        return checks.status() == ChecksStatus.PENDING;
    }

    String digest() {
        return digest;
    }

    void withdraw() {
        status = VersionStatus.WITHDRAWN;
    }

    void claim(String by) {
        reviewer = by;
    }

    /** The review pauses: the time waited so far is kept and the clock stops until the answer. */
    void askDeveloper(String by, Instant at) {
        if (reviewClockSince != null) {
            reviewMillisBeforePause += Duration.between(reviewClockSince, at).toMillis();
        }
        reviewClockSince = null;
        reviewer = by;
        status = VersionStatus.INFORMATION_REQUESTED;
    }

    void answered(Instant at) {
        reviewClockSince = at;
        status = VersionStatus.IN_REVIEW;
    }

    void escalate() {
        escalated = true;
    }

    void release(int percentage) {
        status = VersionStatus.RELEASED;
        releasePercentage = percentage;
    }

    /** A full release of another version (or a rollback to one) replaces this one if it was released. */
    void supersedeIfReleased() {
        if (status == VersionStatus.RELEASED) {
            status = VersionStatus.SUPERSEDED;
        }
    }

    /** A phased release left untouched too long goes back to approved, released to nobody. */
    void expire() {
        status = VersionStatus.APPROVED;
        releasePercentage = 0;
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
                && Objects.equals(comment, v.comment) && Objects.equals(decidedAt, v.decidedAt)
                && reviewMillisBeforePause == v.reviewMillisBeforePause
                && Objects.equals(reviewClockSince, v.reviewClockSince)
                && checks.equals(v.checks);
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
                               releasePercentage, escalated, checks);
    }
}
