package dev.marketplace.command.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.program.*;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A mini-program and its versions. Rules enforced here and nowhere else:
 * <ul>
 *   <li>only developers register programs, and a name is unique across the marketplace ({@link ProgramNames});</li>
 *   <li>only the owner (or an admin) edits the listing, submits, withdraws, releases, rolls back and delists;</li>
 *   <li>a version number is a semantic version strictly greater than every earlier one, and only one version is
 *       in review at a time;</li>
 *   <li>only reviewers claim and decide reviews, suspend and reinstate, never on a program they own (four-eyes);
 *       a claimed version is decided by its claimant (or an admin);</li>
 *   <li>only an approved or released version is released, a release only widens, and never over a newer
 *       current version (that is a rollback, to an earlier released version);</li>
 *   <li>a suspended program is not released; a delisted one accepts nothing more.</li>
 * </ul>
 * A version waiting longer than the review SLA is escalated, and a phased release left alone too long completes or
 * expires ({@link ProgramPolicy}); both through the deadline manager. Every handler returns the state it caused.
 */
@Aggregate
public class MiniProgram {

    static final String REVIEW_SLA = "review-sla";
    static final String PHASED_RELEASE = "phased-release";

    @AggregateIdentifier
    private String id;
    private String developerId;
    private Listing listing;
    private ProgramStatus status;
    private final Map<String, ProgramVersion> versions = new LinkedHashMap<>();
    private SemanticVersion highest;
    private String currentVersion;
    private Instant createdAt;
    private Instant updatedAt;

    protected MiniProgram() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public MiniProgramView handle(RegisterMiniProgramCommand command, Actor actor, ProgramNames names) {
        requireRole(actor, Role.DEVELOPER);
        Listing valid = Listing.validated(command.name(), command.summary(), command.description(),
                                          command.category(), command.tags(), command.iconUrl());
        requireFreeName(valid.name(), names);
        apply(new MiniProgramRegisteredEvent(command.programId(), actor.userId(), valid.name(), valid.summary(),
                                             valid.description(), valid.category(), valid.tags(), valid.iconUrl()));
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(UpdateListingCommand command, Actor actor, ProgramNames names) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "edit the listing");
        Listing valid = Listing.validated(or(command.name(), listing.name()), or(command.summary(), listing.summary()),
                                          command.description() != null ? command.description() : listing.description(),
                                          or(command.category(), listing.category()), or(command.tags(), listing.tags()),
                                          command.iconUrl() != null ? command.iconUrl() : listing.iconUrl());
        if (!ProgramNames.normalize(valid.name()).equals(ProgramNames.normalize(listing.name()))) {
            requireFreeName(valid.name(), names);
        }
        if (!valid.equals(listing)) {
            apply(new ListingUpdatedEvent(id, valid.name(), valid.summary(), valid.description(), valid.category(),
                                          valid.tags(), valid.iconUrl()));
        }
        return toView();
    }

    @CommandHandler
    public VersionView handle(SubmitVersionCommand command, Actor actor, DeadlineManager deadlines,
                              ProgramPolicy policy) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "submit a version");
        VersionPackage pkg = VersionPackage.validated(command.version(), command.changelog(), command.permissions(),
                                                      command.privacyUses(), command.packageDigest(),
                                                      command.packageSize());
        if (highest != null && pkg.number().compareTo(highest) <= 0) {
            throw new RuleViolation(RuleCode.VERSION_NOT_NEWER, "version",
                                    "Version " + pkg.number() + " must be greater than " + highest + ".");
        }
        inReview().ifPresent(v -> {
            throw new RuleViolation(RuleCode.VERSION_IN_REVIEW,
                                    "Version " + v.number + " is still in review; withdraw it or wait for the decision.");
        });
        String number = pkg.number().toString();
        apply(new VersionSubmittedEvent(id, number, pkg.changelog(), pkg.permissions(), pkg.privacyUses(),
                                        pkg.digest(), pkg.size()));
        deadlines.schedule(policy.reviewSla(), REVIEW_SLA, number);
        return versions.get(number).toView(id);
    }

    @CommandHandler
    public VersionView handle(WithdrawVersionCommand command, Actor actor, DeadlineManager deadlines) {
        requireOwner(actor);
        ProgramVersion version = requireVersion(command.version());
        if (version.status != VersionStatus.IN_REVIEW) {
            throw invalidTransition("withdraw version " + version.number, "it is " + version.status);
        }
        apply(new VersionWithdrawnEvent(id, version.number.toString()));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id);
    }

    @CommandHandler
    public VersionView handle(ClaimReviewCommand command, Actor actor) {
        requireReviewerOf(actor);
        ProgramVersion version = requireVersion(command.version());
        version.requireDecidableBy(actor, "claim");
        if (!actor.userId().equals(version.reviewer)) {
            apply(new ReviewClaimedEvent(id, version.number.toString(), actor.userId()));
        }
        return version.toView(id);
    }

    @CommandHandler
    public VersionView handle(ApproveVersionCommand command, Actor actor, DeadlineManager deadlines) {
        requireReviewerOf(actor);
        ProgramVersion version = requireVersion(command.version());
        version.requireDecidableBy(actor, "approve");
        String comment = InputRules.optionalText("comment", command.comment(), 2000);
        apply(new VersionApprovedEvent(id, version.number.toString(), actor.userId(), comment));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id);
    }

    @CommandHandler
    public VersionView handle(RejectVersionCommand command, Actor actor, DeadlineManager deadlines) {
        requireReviewerOf(actor);
        ProgramVersion version = requireVersion(command.version());
        version.requireDecidableBy(actor, "reject");
        List<RejectionReason> reasons = InputRules.distinct("reasons", command.reasons());
        if (reasons.isEmpty()) {
            throw RuleViolation.invalid("reasons", "name at least one reason for the rejection");
        }
        String comment = InputRules.optionalText("comment", command.comment(), 2000);
        if (reasons.contains(RejectionReason.OTHER) && comment == null) {
            throw RuleViolation.invalid("comment", "is required when the reasons include OTHER");
        }
        apply(new VersionRejectedEvent(id, version.number.toString(), actor.userId(), reasons, comment));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id);
    }

    @CommandHandler
    public VersionView handle(ReleaseVersionCommand command, Actor actor, DeadlineManager deadlines,
                              ProgramPolicy policy) {
        requireOwner(actor);
        ProgramVersion version = requireVersion(command.version());
        if (command.percentage() < 1 || command.percentage() > 100) {
            throw RuleViolation.invalid("percentage", "must be between 1 and 100, not " + command.percentage());
        }
        requireNot(ProgramStatus.SUSPENDED, "release");
        requireNot(ProgramStatus.DELISTED, "release");
        boolean widening = version.status == VersionStatus.RELEASED && command.percentage() > version.releasePercentage;
        if (version.status != VersionStatus.APPROVED && !widening) {
            throw invalidTransition("release version " + version.number + " to " + command.percentage() + "%",
                                    version.status == VersionStatus.RELEASED
                                            ? "it is already released to " + version.releasePercentage + "%"
                                            : "it is " + version.status);
        }
        if (currentVersion != null && version.number.compareTo(versions.get(currentVersion).number) < 0) {
            throw invalidTransition("release version " + version.number, "it is older than the current version "
                                    + currentVersion + " (roll back to go to an earlier version)");
        }
        apply(new VersionReleasedEvent(id, version.number.toString(), command.percentage()));
        deadlines.cancelAllWithinScope(PHASED_RELEASE);
        if (command.percentage() < 100) {
            deadlines.schedule(policy.phasedReleaseTimeout(), PHASED_RELEASE, version.number.toString());
        }
        return version.toView(id);
    }

    @CommandHandler
    public MiniProgramView handle(RollbackReleaseCommand command, Actor actor, DeadlineManager deadlines) {
        requireOwner(actor);
        ProgramVersion target = requireVersion(command.toVersion());
        if (status != ProgramStatus.LIVE || currentVersion == null) {
            throw invalidTransition("roll back", "the program is " + status);
        }
        if (target.status != VersionStatus.SUPERSEDED
                || target.number.compareTo(versions.get(currentVersion).number) >= 0) {
            throw invalidTransition("roll back to version " + target.number,
                                    "only an earlier version that was released before can be restored (it is "
                                    + target.status + ")");
        }
        apply(new ReleaseRolledBackEvent(id, currentVersion, target.number.toString()));
        deadlines.cancelAllWithinScope(PHASED_RELEASE);
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(SuspendMiniProgramCommand command, Actor actor) {
        requireReviewerOf(actor);
        String reason = InputRules.requiredText("reason", command.reason(), 1, 500, true);
        if (status == ProgramStatus.SUSPENDED || status == ProgramStatus.DELISTED) {
            throw invalidTransition("suspend", "the program is " + status);
        }
        apply(new MiniProgramSuspendedEvent(id, actor.userId(), reason));
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(ReinstateMiniProgramCommand command, Actor actor) {
        requireReviewerOf(actor);
        if (status != ProgramStatus.SUSPENDED) {
            throw invalidTransition("reinstate", "the program is " + status + ", not SUSPENDED");
        }
        apply(new MiniProgramReinstatedEvent(id, actor.userId(),
                                             currentVersion != null ? ProgramStatus.LIVE : ProgramStatus.DRAFT));
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(DelistMiniProgramCommand command, Actor actor, DeadlineManager deadlines) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "delist");
        apply(new MiniProgramDelistedEvent(id));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        deadlines.cancelAllWithinScope(PHASED_RELEASE);
        return toView();
    }

    @DeadlineHandler(deadlineName = REVIEW_SLA)
    void reviewSlaPassed(String number, ProgramPolicy policy) {
        ProgramVersion version = versions.get(number);
        if (version != null && version.status == VersionStatus.IN_REVIEW && !version.escalated) {
            apply(new ReviewEscalatedEvent(id, number, version.submittedAt, policy.reviewSla()));
        }
    }

    @DeadlineHandler(deadlineName = PHASED_RELEASE)
    void phasedReleaseTimedOut(String number, ProgramPolicy policy) {
        ProgramVersion version = versions.get(number);
        if (version == null || !version.isPhased() || status != ProgramStatus.LIVE) {
            return;
        }
        if (policy.onPhasedReleaseTimeout() == ProgramPolicy.PhasedTimeoutAction.COMPLETE) {
            apply(new VersionReleasedEvent(id, number, 100));
        } else {
            apply(new PhasedReleaseExpiredEvent(id, number, version.releasePercentage));
        }
    }

    @EventSourcingHandler
    void on(MiniProgramRegisteredEvent event, @Timestamp Instant at) {
        id = event.programId();
        developerId = event.developerId();
        listing = new Listing(event.name(), event.summary(), event.description(), event.category(), event.tags(),
                              event.iconUrl());
        status = ProgramStatus.DRAFT;
        createdAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ListingUpdatedEvent event, @Timestamp Instant at) {
        listing = new Listing(event.name(), event.summary(), event.description(), event.category(), event.tags(),
                              event.iconUrl());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionSubmittedEvent event, @Timestamp Instant at) {
        SemanticVersion number = SemanticVersion.parse(event.version());
        versions.put(number.toString(), new ProgramVersion(number, event.changelog(), event.permissions(),
                                                           event.privacyUses(), event.packageDigest(),
                                                           event.packageSize(), at));
        highest = number;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionWithdrawnEvent event, @Timestamp Instant at) {
        versions.get(event.version()).status = VersionStatus.WITHDRAWN;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ReviewClaimedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).reviewer = event.reviewerId();
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionApprovedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).decide(ReviewOutcome.APPROVED, event.reviewerId(), List.of(), event.comment(), at);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionRejectedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).decide(ReviewOutcome.REJECTED, event.reviewerId(), event.reasons(),
                                             event.comment(), at);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ReviewEscalatedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).escalated = true;
    }

    @EventSourcingHandler
    void on(VersionReleasedEvent event, @Timestamp Instant at) {
        ProgramVersion version = versions.get(event.version());
        version.status = VersionStatus.RELEASED;
        version.releasePercentage = event.percentage();
        if (event.percentage() == 100) {
            supersedeReleasedExcept(version);
        }
        if (event.percentage() == 100 || currentVersion == null) {
            currentVersion = event.version();
        }
        status = ProgramStatus.LIVE;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(PhasedReleaseExpiredEvent event, @Timestamp Instant at) {
        ProgramVersion version = versions.get(event.version());
        version.status = VersionStatus.APPROVED;
        version.releasePercentage = 0;
        if (event.version().equals(currentVersion)) {
            currentVersion = null;
            status = ProgramStatus.DRAFT;
        }
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ReleaseRolledBackEvent event, @Timestamp Instant at) {
        ProgramVersion target = versions.get(event.toVersion());
        supersedeReleasedExcept(target);
        target.status = VersionStatus.RELEASED;
        target.releasePercentage = 100;
        currentVersion = event.toVersion();
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(MiniProgramSuspendedEvent event, @Timestamp Instant at) {
        status = ProgramStatus.SUSPENDED;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(MiniProgramReinstatedEvent event, @Timestamp Instant at) {
        status = event.status();
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(MiniProgramDelistedEvent event, @Timestamp Instant at) {
        status = ProgramStatus.DELISTED;
        updatedAt = at;
    }

    private void supersedeReleasedExcept(ProgramVersion kept) {
        versions.values().stream().filter(v -> v != kept && v.status == VersionStatus.RELEASED)
                .forEach(v -> v.status = VersionStatus.SUPERSEDED);
    }

    private Optional<ProgramVersion> inReview() {
        return versions.values().stream().filter(v -> v.status == VersionStatus.IN_REVIEW).findFirst();
    }

    private ProgramVersion requireVersion(String number) {
        ProgramVersion version = null;
        try {
            version = number == null ? null : versions.get(SemanticVersion.parse(number.strip()).toString());
        } catch (IllegalArgumentException notAVersion) {
            // an unparseable number names no version either
        }
        if (version == null) {
            throw new RuleViolation(RuleCode.VERSION_NOT_FOUND,
                                    "Mini-program " + id + " has no version " + number + ".");
        }
        return version;
    }

    private static void requireFreeName(String name, ProgramNames names) {
        if (names.isTaken(name)) {
            throw new RuleViolation(RuleCode.NAME_TAKEN, "name",
                                    "The name '" + name + "' is already taken by another mini-program.");
        }
    }

    private void requireNot(ProgramStatus forbidden, String action) {
        if (status == forbidden) {
            throw invalidTransition(action, "the program is " + status);
        }
    }

    private void requireOwner(Actor actor) {
        requireRole(actor, Role.DEVELOPER);
        if (!actor.isAdmin() && !actor.userId().equals(developerId)) {
            throw new RuleViolation(RuleCode.NOT_OWNER, "Only the developer who owns this mini-program may do this.");
        }
    }

    private void requireReviewerOf(Actor actor) {
        requireRole(actor, Role.REVIEWER);
        if (actor.userId().equals(developerId)) {
            throw new RuleViolation(RuleCode.SELF_REVIEW, "You cannot review a mini-program you own.");
        }
    }

    private static void requireRole(Actor actor, Role role) {
        if (!actor.acts(role)) {
            throw new RuleViolation(RuleCode.ROLE_REQUIRED, "This needs the " + role + " role.");
        }
    }

    static RuleViolation invalidTransition(String action, String state) {
        return new RuleViolation(RuleCode.INVALID_TRANSITION, "Cannot " + action + ": " + state + ".");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private MiniProgramView toView() {
        List<VersionView> versionViews = versions.values().stream().map(v -> v.toView(id)).toList();
        return new MiniProgramView(id, developerId, listing.name(), listing.summary(), listing.description(),
                                   listing.category(), listing.tags(), listing.iconUrl(), status, currentVersion,
                                   versionViews, createdAt, updatedAt);
    }
}
