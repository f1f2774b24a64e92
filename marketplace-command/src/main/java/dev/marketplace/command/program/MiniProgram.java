package dev.marketplace.command.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.program.ApproveVersionCommand;
import dev.marketplace.api.program.ClaimReviewCommand;
import dev.marketplace.api.program.DelistMiniProgramCommand;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.program.ReinstateMiniProgramCommand;
import dev.marketplace.api.program.RejectVersionCommand;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReleaseVersionCommand;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.RollbackReleaseCommand;
import dev.marketplace.api.program.SubmitVersionCommand;
import dev.marketplace.api.program.SuspendMiniProgramCommand;
import dev.marketplace.api.program.AnswerReviewCommand;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.RequestInformationCommand;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.UpdateListingCommand;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.program.WithdrawVersionCommand;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A mini-program and its versions. Rules enforced here and nowhere else:
 * <ul>
 *   <li>only developers register programs, and a name is unique across the marketplace ({@link ProgramNames});</li>
 *   <li>only the owner (or an admin) edits the listing, submits, withdraws, releases, rolls back and delists;</li>
 *   <li>a version names a package its submitter uploaded, and declares every permission the package's manifest
 *       asks for;</li>
 *   <li>a version number is a semantic version strictly greater than every earlier one, and only one version is
 *       in review at a time;</li>
 *   <li>only reviewers claim and decide reviews, suspend and reinstate, never on a program they own (four-eyes);
 *       a claimed version is decided by its claimant (or an admin);</li>
 *   <li>only an approved or released version is released, a release only widens, and never over a newer
 *       current version (that is a rollback, to an earlier released version, or to the current version to stop
 *       a phased release);</li>
 *   <li>a version is approved only once its package checks ran and passed (or only warned), unless an admin
 *       overrides failed checks with a comment;</li>
 *   <li>a suspended program is not released; a delisted one accepts nothing more.</li>
 * </ul>
 * A version waiting longer than the review SLA is escalated, and a phased release left alone too long completes or
 * expires ({@link ProgramPolicy}); both through the deadline manager. Every handler returns the state it caused.
 * The state and its event-sourcing handlers are in {@link MiniProgramHistory}; it is snapshotted every
 * {@link ProgramSnapshots#threshold()} events.
 */
@Aggregate(snapshotTriggerDefinition = "miniProgramSnapshotTrigger")
public class MiniProgram extends MiniProgramHistory {

    static final String REVIEW_SLA = "review-sla";
    static final String PHASED_RELEASE = "phased-release";
    /** Scheduled by {@link PackageCheckScheduling} for each submitted version. */
    static final String PACKAGE_CHECKS = "package-checks";

    protected MiniProgram() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public MiniProgramView handle(RegisterMiniProgramCommand command, Actor actor, ProgramNames names,
                                  MediaLibrary media) {
        actor.require(Role.DEVELOPER);
        Listing valid = Listing.validated(command.name(), command.summary(), command.description(),
                                          command.category(), command.tags(), command.iconUrl(),
                                          command.defaultLocale(), command.translations(),
                                          ListingImages.icon(command.iconDigest(), media),
                                          ListingImages.screenshots(command.screenshotDigests(), media));
        requireNamesFree(valid, null, names);
        apply(new MiniProgramRegisteredEvent(command.programId(), actor.userId(), valid.name(), valid.summary(),
                                             valid.description(), valid.category(), valid.tags(), valid.iconUrl(),
                                             valid.defaultLocale(), valid.translations(), valid.icon(),
                                             valid.screenshots()));
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(UpdateListingCommand command, Actor actor, ProgramNames names,
                                  MediaLibrary media) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "edit the listing");
        Listing valid = listing().editedTo(command.name(), command.summary(), command.description(),
                                           command.category(), command.tags(), command.iconUrl(),
                                           command.defaultLocale(), command.translations(),
                                           ListingImages.icon(command.iconDigest(), media),
                                           command.screenshotDigests() == null ? null
                                                   : ListingImages.screenshots(command.screenshotDigests(), media));
        requireNamesFree(valid, listing(), names);
        if (!valid.equals(listing())) {
            apply(new ListingUpdatedEvent(id(), valid.name(), valid.summary(), valid.description(), valid.category(),
                                          valid.tags(), valid.iconUrl(), valid.defaultLocale(),
                                          valid.translations(), valid.icon(), valid.screenshots()));
        }
        return toView();
    }

    /**
     * Every name of the listing, in any language, must be free of other programs; names the program already holds
     * (in whichever language) are its own. A refusal names the field of the name at fault.
     */
    private static void requireNamesFree(Listing valid, Listing current, ProgramNames names) {
        java.util.Set<String> own = current == null ? java.util.Set.of()
                : current.names().stream().map(ProgramNames::key).collect(java.util.stream.Collectors.toSet());
        List<String> all = valid.names();
        for (int i = 0; i < all.size(); i++) {
            String name = all.get(i);
            if (!own.contains(ProgramNames.key(name)) && names.isTaken(name)) {
                String field = i == 0 ? "name" : "translations." + valid.translations().get(i - 1).locale() + ".name";
                throw ProgramNames.taken(field, name);
            }
        }
    }

    @CommandHandler
    public VersionView handle(SubmitVersionCommand command, Actor actor, DeadlineManager deadlines,
                              ProgramPolicy policy, UploadedPackages uploads) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "submit a version");
        VersionPackage pkg = VersionPackage.validated(command.version(), command.changelog(), command.permissions(),
                                                      command.privacyUses(), command.packageDigest(),
                                                      command.packageSize(), actor, uploads,
                                                      this::requireSubmittable);
        String number = pkg.number().toString();
        apply(new VersionSubmittedEvent(id(), number, pkg.changelog(), pkg.permissions(), pkg.privacyUses(),
                                        pkg.digest(), pkg.size()));
        deadlines.schedule(policy.reviewSla(), REVIEW_SLA, number);
        return version(number).toView(id());
    }

    @CommandHandler
    public VersionView handle(WithdrawVersionCommand command, Actor actor, DeadlineManager deadlines) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "withdraw a version");
        ProgramVersion version = requireVersion(command.version());
        version.requireWithdrawable();
        apply(new VersionWithdrawnEvent(id(), version.number().toString()));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id());
    }

    @CommandHandler
    public VersionView handle(ClaimReviewCommand command, Actor actor) {
        ProgramVersion version = requireReviewable(actor, command.version(), "claim");
        if (!actor.userId().equals(version.reviewer())) {
            apply(new ReviewClaimedEvent(id(), version.number().toString(), actor.userId()));
        }
        return version.toView(id());
    }

    /** Asking claims the review for the asker; the SLA stops until the answer. */
    @CommandHandler
    public VersionView handle(RequestInformationCommand command, Actor actor, DeadlineManager deadlines) {
        ProgramVersion version = requireReviewable(actor, command.version(), "request information on");
        String text = InputRules.requiredText("text", command.text(), 1, InputRules.REVIEW_COMMENT_MAX, true);
        apply(new InformationRequestedEvent(id(), version.number().toString(), actor.userId(), text));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id());
    }

    /** The SLA resumes with what was left of it when the question was asked (none once escalated). */
    @CommandHandler
    public VersionView handle(AnswerReviewCommand command, Actor actor, DeadlineManager deadlines,
                              ProgramPolicy policy) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "answer a review");
        ProgramVersion version = requireVersion(command.version());
        version.requireAwaitingAnswer();
        String text = InputRules.requiredText("text", command.text(), 1, InputRules.REVIEW_COMMENT_MAX, true);
        String number = version.number().toString();
        apply(new ReviewAnsweredEvent(id(), number, actor.userId(), text));
        if (!version.escalated()) {
            deadlines.schedule(version.slaLeftOnResume(policy.reviewSla()), REVIEW_SLA, number);
        }
        return version.toView(id());
    }

    @CommandHandler
    public VersionView handle(ApproveVersionCommand command, Actor actor, DeadlineManager deadlines) {
        ProgramVersion version = requireReviewable(actor, command.version(), "approve");
        String comment = InputRules.optionalText("comment", command.comment(), InputRules.REVIEW_COMMENT_MAX);
        version.requireChecksAllowApproval(actor, command.overrideChecks(), comment);
        apply(new VersionApprovedEvent(id(), version.number().toString(), actor.userId(), comment));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id());
    }

    @CommandHandler
    public VersionView handle(RejectVersionCommand command, Actor actor, DeadlineManager deadlines) {
        ProgramVersion version = requireReviewable(actor, command.version(), "reject");
        Rejection rejection = Rejection.validated(command.reasons(), command.comment());
        apply(new VersionRejectedEvent(id(), version.number().toString(), actor.userId(), rejection.reasons(),
                                       rejection.comment()));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        return version.toView(id());
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
        version.requireReleasableTo(command.percentage(), current());
        apply(new VersionReleasedEvent(id(), version.number().toString(), command.percentage()));
        deadlines.cancelAllWithinScope(PHASED_RELEASE);
        if (command.percentage() < 100) {
            deadlines.schedule(policy.phasedReleaseTimeout(), PHASED_RELEASE, version.number().toString());
        }
        return version.toView(id());
    }

    @CommandHandler
    public MiniProgramView handle(RollbackReleaseCommand command, Actor actor, DeadlineManager deadlines) {
        requireOwner(actor);
        ProgramVersion target = requireVersion(command.toVersion());
        if (status() != ProgramStatus.LIVE || current() == null) {
            throw RuleViolation.invalidTransition("roll back", "the program is " + status());
        }
        ProgramVersion phased = phasedBeside();
        if (phased != null && target == current()) {
            // Stopping a phased release: everyone in it goes back to the version everyone else runs.
            apply(new ReleaseRolledBackEvent(id(), phased.number().toString(), target.number().toString()));
        } else {
            target.requireRestorableOver(current());
            apply(new ReleaseRolledBackEvent(id(), current().number().toString(), target.number().toString()));
        }
        deadlines.cancelAllWithinScope(PHASED_RELEASE);
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(SuspendMiniProgramCommand command, Actor actor) {
        requireReviewerOf(actor);
        String reason = InputRules.requiredText("reason", command.reason(), 1, 500, true);
        if (status() == ProgramStatus.SUSPENDED || status() == ProgramStatus.DELISTED) {
            throw RuleViolation.invalidTransition("suspend", "the program is " + status());
        }
        apply(new MiniProgramSuspendedEvent(id(), actor.userId(), reason));
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(ReinstateMiniProgramCommand command, Actor actor) {
        requireReviewerOf(actor);
        if (status() != ProgramStatus.SUSPENDED) {
            throw RuleViolation.invalidTransition("reinstate", "the program is " + status() + ", not SUSPENDED");
        }
        apply(new MiniProgramReinstatedEvent(id(), actor.userId(),
                                             current() != null ? ProgramStatus.LIVE : ProgramStatus.DRAFT));
        return toView();
    }

    @CommandHandler
    public MiniProgramView handle(DelistMiniProgramCommand command, Actor actor, DeadlineManager deadlines) {
        requireOwner(actor);
        requireNot(ProgramStatus.DELISTED, "delist");
        apply(new MiniProgramDelistedEvent(id()));
        deadlines.cancelAllWithinScope(REVIEW_SLA);
        deadlines.cancelAllWithinScope(PHASED_RELEASE);
        return toView();
    }

    @DeadlineHandler(deadlineName = REVIEW_SLA)
    void reviewSlaPassed(String number, ProgramPolicy policy) {
        ProgramVersion version = version(number);
        if (version != null && version.isAwaitingEscalation()) {
            apply(new ReviewEscalatedEvent(id(), number, version.submittedAt(), policy.reviewSla()));
        }
    }

    /**
     * Runs the package checks of a version once, asynchronously after its submission; their findings become an
     * event, whatever they are.
     */
    @DeadlineHandler(deadlineName = PACKAGE_CHECKS)
    void checkPackage(String number, PackageChecks checks) {
        ProgramVersion version = version(number);
        if (version != null && version.checksPending()) {
            apply(new PackageCheckedEvent(id(), number, checks.check(id(), version.digest())));
        }
    }

    @DeadlineHandler(deadlineName = PHASED_RELEASE)
    void phasedReleaseTimedOut(String number, ProgramPolicy policy, DeadlineManager deadlines) {
        ProgramVersion version = version(number);
        if (version != null && version.isPhased() && status() == ProgramStatus.SUSPENDED) {
            deadlines.schedule(policy.phasedReleaseTimeout(), PHASED_RELEASE, number); // decide after the takedown
        }
        if (version == null || !version.isPhased() || status() != ProgramStatus.LIVE) {
            return;
        }
        if (policy.onPhasedReleaseTimeout() == ProgramPolicy.PhasedTimeoutAction.COMPLETE) {
            apply(new VersionReleasedEvent(id(), number, 100));
        } else {
            apply(new PhasedReleaseExpiredEvent(id(), number, version.releasePercentage()));
        }
    }

    /** A delisted program's review is over; otherwise the reviewer needs the version waiting and unclaimed. */
    private ProgramVersion requireReviewable(Actor actor, String number, String action) {
        requireReviewerOf(actor);
        requireNot(ProgramStatus.DELISTED, action + " a version");
        ProgramVersion version = requireVersion(number);
        version.requireDecidableBy(actor, action);
        return version;
    }
}
