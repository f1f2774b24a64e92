package dev.marketplace.query.catalogue;

import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.ReviewView;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The read side's fold of a program's events into the {@link MiniProgramView} clients see. It mirrors the
 * aggregate's transitions without re-checking rules: an event is a fact.
 */
public final class ProgramState {

    private ProgramState() {
    }

    /**
     * Applies any program event to the program as it was ({@code null} before registration); events of other
     * kinds leave it unchanged. Used to rebuild a program from its event stream, e.g. as of an instant.
     */
    public static MiniProgramView apply(MiniProgramView p, Object event, Instant at) {
        if (event instanceof MiniProgramRegisteredEvent e) {
            return registered(e, at);
        } else if (event instanceof ListingUpdatedEvent e) {
            return listingUpdated(p, e, at);
        } else if (event instanceof VersionSubmittedEvent e) {
            return submitted(p, e, at);
        } else if (event instanceof VersionWithdrawnEvent e) {
            return withdrawn(p, e, at);
        } else if (event instanceof ReviewClaimedEvent e) {
            return claimed(p, e, at);
        } else if (event instanceof ReviewEscalatedEvent e) {
            return escalated(p, e, at);
        } else if (event instanceof VersionApprovedEvent e) {
            return approved(p, e, at);
        } else if (event instanceof VersionRejectedEvent e) {
            return rejected(p, e, at);
        } else if (event instanceof VersionReleasedEvent e) {
            return released(p, e, at);
        } else if (event instanceof PhasedReleaseExpiredEvent e) {
            return expired(p, e, at);
        } else if (event instanceof ReleaseRolledBackEvent e) {
            return rolledBack(p, e, at);
        } else if (event instanceof MiniProgramSuspendedEvent e) {
            return suspended(p, e, at);
        } else if (event instanceof MiniProgramReinstatedEvent e) {
            return reinstated(p, e, at);
        } else if (event instanceof MiniProgramDelistedEvent e) {
            return delisted(p, e, at);
        }
        return p;
    }

    public static MiniProgramView registered(MiniProgramRegisteredEvent e, Instant at) {
        return new MiniProgramView(e.programId(), e.developerId(), e.name(), e.summary(), e.description(),
                                   e.category(), e.tags(), e.iconUrl(), ProgramStatus.DRAFT, null, List.of(), at,
                                   at);
    }

    public static MiniProgramView listingUpdated(MiniProgramView p, ListingUpdatedEvent e, Instant at) {
        return new MiniProgramView(p.id(), p.developerId(), e.name(), e.summary(), e.description(), e.category(),
                                   e.tags(), e.iconUrl(), p.status(), p.currentVersion(), p.versions(),
                                   p.createdAt(), at);
    }

    public static MiniProgramView submitted(MiniProgramView p, VersionSubmittedEvent e, Instant at) {
        List<VersionView> versions = new ArrayList<>(p.versions());
        versions.add(new VersionView(new VersionId(p.id(), e.version()).value(), p.id(), e.version(),
                                     VersionStatus.IN_REVIEW, e.changelog(), e.permissions(), e.privacyUses(),
                                     e.packageDigest(), e.packageSize(), at, null, 0, false));
        return with(p, versions, p.status(), p.currentVersion(), at);
    }

    public static MiniProgramView withdrawn(MiniProgramView p, VersionWithdrawnEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.WITHDRAWN, 0, v.review(), v.escalated()));
    }

    public static MiniProgramView claimed(MiniProgramView p, ReviewClaimedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, v.status(), 0,
                new ReviewView(e.reviewerId(), null, List.of(), null, null), v.escalated()));
    }

    public static MiniProgramView escalated(MiniProgramView p, ReviewEscalatedEvent e, Instant at) {
        return mapVersion(p, e.version(), p.updatedAt(), v -> version(v, v.status(), 0, v.review(), true));
    }

    public static MiniProgramView approved(MiniProgramView p, VersionApprovedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.APPROVED, 0,
                new ReviewView(e.reviewerId(), ReviewOutcome.APPROVED, List.of(), e.comment(), at), v.escalated()));
    }

    public static MiniProgramView rejected(MiniProgramView p, VersionRejectedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.REJECTED, 0,
                new ReviewView(e.reviewerId(), ReviewOutcome.REJECTED, e.reasons(), e.comment(), at), v.escalated()));
    }

    public static MiniProgramView released(MiniProgramView p, VersionReleasedEvent e, Instant at) {
        boolean becomesCurrent = e.percentage() == 100 || p.currentVersion() == null;
        List<VersionView> versions = p.versions().stream().map(v -> {
            if (v.number().equals(e.version())) {
                return version(v, VersionStatus.RELEASED, e.percentage(), v.review(), v.escalated());
            }
            if (e.percentage() == 100 && v.status() == VersionStatus.RELEASED) {
                return version(v, VersionStatus.SUPERSEDED, v.releasePercentage(), v.review(), v.escalated());
            }
            return v;
        }).toList();
        return with(p, versions, ProgramStatus.LIVE, becomesCurrent ? e.version() : p.currentVersion(), at);
    }

    public static MiniProgramView expired(MiniProgramView p, PhasedReleaseExpiredEvent e, Instant at) {
        MiniProgramView changed = mapVersion(p, e.version(), at,
                                             v -> version(v, VersionStatus.APPROVED, 0, v.review(), v.escalated()));
        return e.version().equals(p.currentVersion())
                ? with(changed, changed.versions(), ProgramStatus.DRAFT, null, at) : changed;
    }

    public static MiniProgramView rolledBack(MiniProgramView p, ReleaseRolledBackEvent e, Instant at) {
        List<VersionView> versions = p.versions().stream().map(v -> {
            if (v.number().equals(e.toVersion())) {
                return version(v, VersionStatus.RELEASED, 100, v.review(), v.escalated());
            }
            if (v.status() == VersionStatus.RELEASED) {
                return version(v, VersionStatus.SUPERSEDED, v.releasePercentage(), v.review(), v.escalated());
            }
            return v;
        }).toList();
        return with(p, versions, p.status(), e.toVersion(), at);
    }

    public static MiniProgramView suspended(MiniProgramView p, MiniProgramSuspendedEvent e, Instant at) {
        return with(p, p.versions(), ProgramStatus.SUSPENDED, p.currentVersion(), at);
    }

    public static MiniProgramView reinstated(MiniProgramView p, MiniProgramReinstatedEvent e, Instant at) {
        return with(p, p.versions(), e.status(), p.currentVersion(), at);
    }

    public static MiniProgramView delisted(MiniProgramView p, MiniProgramDelistedEvent e, Instant at) {
        return with(p, p.versions(), ProgramStatus.DELISTED, p.currentVersion(), at);
    }

    private static MiniProgramView mapVersion(MiniProgramView p, String number, Instant at,
                                              UnaryOperator<VersionView> change) {
        List<VersionView> versions = p.versions().stream()
                .map(v -> v.number().equals(number) ? change.apply(v) : v).toList();
        return with(p, versions, p.status(), p.currentVersion(), at);
    }

    private static VersionView version(VersionView v, VersionStatus status, int percentage, ReviewView review,
                                       boolean escalated) {
        return new VersionView(v.id(), v.miniProgramId(), v.number(), status, v.changelog(), v.permissions(),
                               v.privacyUses(), v.packageDigest(), v.packageSize(), v.submittedAt(), review,
                               percentage, escalated);
    }

    private static MiniProgramView with(MiniProgramView p, List<VersionView> versions, ProgramStatus status,
                                        String current, Instant at) {
        return new MiniProgramView(p.id(), p.developerId(), p.name(), p.summary(), p.description(), p.category(),
                                   p.tags(), p.iconUrl(), status, current, List.copyOf(versions), p.createdAt(), at);
    }
}
