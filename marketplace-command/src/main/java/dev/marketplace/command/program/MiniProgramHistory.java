package dev.marketplace.command.program;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.SemanticVersion;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What a {@link MiniProgram}'s events say about it: the state they build, and the checks that only read that state.
 * The event-sourcing handlers live here and only assign fields; the command handlers that decide which events to
 * apply live in {@link MiniProgram}, which Axon finds together with these through the class hierarchy.
 * <p>
 * A snapshot is this state as JSON: every field, and nothing else (the accessors below are not properties).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
abstract class MiniProgramHistory {

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

    @EventSourcingHandler
    void on(MiniProgramRegisteredEvent event, @Timestamp Instant at) {
        id = event.programId();
        developerId = event.developerId();
        listing = new Listing(event.name(), event.summary(), event.description(), event.category(), event.tags(),
                              event.iconUrl(), event.defaultLocale(), event.translations(), event.icon(),
                              event.screenshots());
        status = ProgramStatus.DRAFT;
        createdAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ListingUpdatedEvent event, @Timestamp Instant at) {
        listing = new Listing(event.name(), event.summary(), event.description(), event.category(), event.tags(),
                              event.iconUrl(), event.defaultLocale(), event.translations(), event.icon(),
                              event.screenshots());
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
    void on(PackageCheckedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).checked(event.findings());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionWithdrawnEvent event, @Timestamp Instant at) {
        versions.get(event.version()).withdraw();
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ReviewClaimedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).claim(event.reviewerId());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionApprovedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).decide(ReviewOutcome.APPROVED, event.reviewerId(), List.of(), event.comment(),
                                             at);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(VersionRejectedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).decide(ReviewOutcome.REJECTED, event.reviewerId(), event.reasons(),
                                             event.comment(), at);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(InformationRequestedEvent event, @Timestamp Instant at) {
        versions.get(event.version()).askDeveloper(event.reviewerId(), at);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ReviewAnsweredEvent event, @Timestamp Instant at) {
        versions.get(event.version()).answered(at);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(ReviewEscalatedEvent event) {
        versions.get(event.version()).escalate();
    }

    @EventSourcingHandler
    void on(VersionReleasedEvent event, @Timestamp Instant at) {
        ProgramVersion version = versions.get(event.version());
        version.release(event.percentage());
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
        versions.get(event.version()).expire();
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
        target.release(100);
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
        versions.values().stream().filter(v -> v != kept).forEach(ProgramVersion::supersedeIfReleased);
    }

    String id() {
        return id;
    }

    Listing listing() {
        return listing;
    }

    ProgramStatus status() {
        return status;
    }

    /** The version users get, or null while nothing is released. */
    ProgramVersion current() {
        return currentVersion == null ? null : versions.get(currentVersion);
    }

    /** A version released to some users beside the current one, which the others run; null when there is none. */
    ProgramVersion phasedBeside() {
        return versions.values().stream().filter(v -> v.isPhased() && v != current()).findFirst().orElse(null);
    }

    /** The version numbered exactly {@code number} (as stored in the events), or null. */
    ProgramVersion version(String number) {
        return versions.get(number);
    }

    /** Refuses a version number unless it is newer than every earlier one and no other version is in review. */
    void requireSubmittable(SemanticVersion number) {
        if (highest != null && number.compareTo(highest) <= 0) {
            throw new RuleViolation(RuleCode.VERSION_NOT_NEWER, "version",
                                    "Version " + number + " must be greater than " + highest + ".");
        }
        versions.values().stream().filter(ProgramVersion::isUnderReview).findFirst().ifPresent(v -> {
            throw new RuleViolation(RuleCode.VERSION_IN_REVIEW, "Version " + v.number()
                                    + " is still in review; withdraw it or wait for the decision.");
        });
    }

    ProgramVersion requireVersion(String number) {
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

    void requireNot(ProgramStatus forbidden, String action) {
        if (status == forbidden) {
            throw RuleViolation.invalidTransition(action, "the program is " + status);
        }
    }

    void requireOwner(Actor actor) {
        actor.require(Role.DEVELOPER);
        if (!actor.isAdmin() && !actor.userId().equals(developerId)) {
            throw new RuleViolation(RuleCode.NOT_OWNER, "Only the developer who owns this mini-program may do this.");
        }
    }

    void requireReviewerOf(Actor actor) {
        actor.require(Role.REVIEWER);
        if (actor.userId().equals(developerId)) {
            throw new RuleViolation(RuleCode.SELF_REVIEW, "You cannot review a mini-program you own.");
        }
    }

    MiniProgramView toView() {
        List<VersionView> versionViews = versions.values().stream().map(v -> v.toView(id)).toList();
        return new MiniProgramView(id, developerId, listing.name(), listing.summary(), listing.description(),
                                   listing.category(), listing.tags(), listing.iconUrl(), status, currentVersion,
                                   versionViews, createdAt, updatedAt, listing.defaultLocale(),
                                   listing.translations(), listing.icon(), listing.screenshots());
    }
}
