package dev.marketplace.command.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.program.ApproveVersionCommand;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.program.ReleaseVersionCommand;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.SemanticVersion;
import dev.marketplace.api.program.SubmitVersionCommand;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
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
 *   <li>only the owner (or an admin) submits and releases versions;</li>
 *   <li>a version number is a semantic version strictly greater than every earlier one, and only one version is
 *       in review at a time;</li>
 *   <li>only reviewers decide a review, never on a program they own (four-eyes);</li>
 *   <li>only an approved or released version is released, and a release only widens.</li>
 * </ul>
 * Every handler returns the program as the command left it, so a client reads its own write at once.
 */
@Aggregate
public class MiniProgram {

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
        if (names.isTaken(valid.name())) {
            throw new RuleViolation(RuleCode.NAME_TAKEN, "name",
                                    "The name '" + valid.name() + "' is already taken by another mini-program.");
        }
        apply(new MiniProgramRegisteredEvent(command.programId(), actor.userId(), valid.name(), valid.summary(),
                                             valid.description(), valid.category(), valid.tags(), valid.iconUrl()));
        return toView();
    }

    @CommandHandler
    public VersionView handle(SubmitVersionCommand command, Actor actor) {
        requireOwner(actor);
        VersionPackage pkg = VersionPackage.validated(command.version(), command.changelog(), command.permissions(),
                                                      command.privacyUses(), command.packageDigest(),
                                                      command.packageSize());
        if (highest != null && pkg.number().compareTo(highest) <= 0) {
            throw new RuleViolation(RuleCode.VERSION_NOT_NEWER, "version",
                                    "Version " + pkg.number() + " must be greater than " + highest + ".");
        }
        versions.values().stream().filter(v -> v.status == VersionStatus.IN_REVIEW).findFirst().ifPresent(v -> {
            throw new RuleViolation(RuleCode.VERSION_IN_REVIEW,
                                    "Version " + v.number + " is still in review; withdraw it or wait for the decision.");
        });
        if (status == ProgramStatus.SUSPENDED || status == ProgramStatus.DELISTED) {
            throw invalidTransition("submit a version", "the program is " + status);
        }
        String number = pkg.number().toString();
        apply(new VersionSubmittedEvent(id, number, pkg.changelog(), pkg.permissions(), pkg.privacyUses(),
                                        pkg.digest(), pkg.size()));
        return versions.get(number).toView(id);
    }

    @CommandHandler
    public VersionView handle(ApproveVersionCommand command, Actor actor) {
        requireReviewerOf(actor);
        ProgramVersion version = requireVersion(command.version());
        if (version.status != VersionStatus.IN_REVIEW) {
            throw invalidTransition("approve version " + version.number, "it is " + version.status);
        }
        String comment = InputRules.optionalText("comment", command.comment(), 2000);
        apply(new VersionApprovedEvent(id, version.number.toString(), actor.userId(), comment));
        return version.toView(id);
    }

    @CommandHandler
    public VersionView handle(ReleaseVersionCommand command, Actor actor) {
        requireOwner(actor);
        ProgramVersion version = requireVersion(command.version());
        if (command.percentage() < 1 || command.percentage() > 100) {
            throw RuleViolation.invalid("percentage", "must be between 1 and 100, not " + command.percentage());
        }
        if (status == ProgramStatus.SUSPENDED || status == ProgramStatus.DELISTED) {
            throw invalidTransition("release", "the program is " + status);
        }
        boolean widening = version.status == VersionStatus.RELEASED && command.percentage() > version.releasePercentage;
        if (version.status != VersionStatus.APPROVED && !widening) {
            throw invalidTransition("release version " + version.number + " to " + command.percentage() + "%",
                                    version.status == VersionStatus.RELEASED
                                            ? "it is already released to " + version.releasePercentage + "%"
                                            : "it is " + version.status);
        }
        if (currentVersion != null && version.number.compareTo(versions.get(currentVersion).number) < 0) {
            throw invalidTransition("release version " + version.number,
                                    "it is older than the current version " + currentVersion
                                    + " (roll back to go to an earlier version)");
        }
        apply(new VersionReleasedEvent(id, version.number.toString(), command.percentage()));
        return version.toView(id);
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
    void on(VersionSubmittedEvent event, @Timestamp Instant at) {
        SemanticVersion number = SemanticVersion.parse(event.version());
        versions.put(number.toString(), new ProgramVersion(number, event.changelog(), event.permissions(),
                                                           event.privacyUses(), event.packageDigest(),
                                                           event.packageSize(), at));
        highest = number;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionApprovedEvent event, @Timestamp Instant at) {
        ProgramVersion version = versions.get(event.version());
        version.status = VersionStatus.APPROVED;
        version.reviewer = event.reviewerId();
        version.outcome = ReviewOutcome.APPROVED;
        version.comment = event.comment();
        version.decidedAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionReleasedEvent event, @Timestamp Instant at) {
        ProgramVersion version = versions.get(event.version());
        version.status = VersionStatus.RELEASED;
        version.releasePercentage = event.percentage();
        if (event.percentage() == 100) {
            versions.values().stream()
                    .filter(v -> v != version && v.status == VersionStatus.RELEASED)
                    .forEach(v -> v.status = VersionStatus.SUPERSEDED);
        }
        if (event.percentage() == 100 || currentVersion == null) {
            currentVersion = event.version();
        }
        status = ProgramStatus.LIVE;
        updatedAt = at;
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

    private static RuleViolation invalidTransition(String action, String state) {
        return new RuleViolation(RuleCode.INVALID_TRANSITION, "Cannot " + action + ": " + state + ".");
    }

    private MiniProgramView toView() {
        List<VersionView> versionViews = versions.values().stream().map(v -> v.toView(id)).toList();
        return new MiniProgramView(id, developerId, listing.name(), listing.summary(), listing.description(),
                                   listing.category(), listing.tags(), listing.iconUrl(), status, currentVersion,
                                   versionViews, createdAt, updatedAt);
    }
}
