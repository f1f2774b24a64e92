package dev.marketplace.api.program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The program's state machine as a pure fold of its events into the {@link MiniProgramView} clients see: one
 * definition of what each event does (supersede on a full release, rollback, expiry, ...). The read side builds its
 * views with it; the write side's aggregate keeps the state its rules need in its own form and is held to agree with
 * this fold, event sequence by event sequence, by {@code ProgramStateAgreementTest}. No rule is checked here: an
 * event is a fact.
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
        } else if (event instanceof InformationRequestedEvent e) {
            return informationRequested(p, e, at);
        } else if (event instanceof ReviewAnsweredEvent e) {
            return answered(p, e, at);
        } else if (event instanceof VersionApprovedEvent e) {
            return approved(p, e, at);
        } else if (event instanceof VersionRejectedEvent e) {
            return rejected(p, e, at);
        } else if (event instanceof VersionReleasedEvent e) {
            return released(p, e, at);
        } else if (event instanceof PhasedReleaseExpiredEvent e) {
            return expired(p, e, at);
        } else if (event instanceof PackageCheckedEvent e) {
            return checked(p, e, at);
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
                                   at, e.defaultLocale(), e.translations(), e.icon(), e.screenshots());
    }

    public static MiniProgramView listingUpdated(MiniProgramView p, ListingUpdatedEvent e, Instant at) {
        return new MiniProgramView(p.id(), p.developerId(), e.name(), e.summary(), e.description(), e.category(),
                                   e.tags(), e.iconUrl(), p.status(), p.currentVersion(), p.versions(),
                                   p.createdAt(), at, e.defaultLocale(), e.translations(), e.icon(),
                                   e.screenshots());
    }

    public static MiniProgramView submitted(MiniProgramView p, VersionSubmittedEvent e, Instant at) {
        List<VersionView> versions = new ArrayList<>(p.versions());
        versions.add(new VersionView(new VersionId(p.id(), e.version()).value(), p.id(), e.version(),
                                     VersionStatus.IN_REVIEW, e.changelog(), e.permissions(), e.privacyUses(),
                                     e.packageDigest(), e.packageSize(), at, null, 0, false,
                                     PackageChecksView.PENDING));
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

    /** Asking claims the review for the asker, as a claim would. */
    public static MiniProgramView informationRequested(MiniProgramView p, InformationRequestedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.INFORMATION_REQUESTED, 0,
                new ReviewView(e.reviewerId(), null, List.of(), null, null), v.escalated()));
    }

    public static MiniProgramView answered(MiniProgramView p, ReviewAnsweredEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.IN_REVIEW, 0, v.review(), v.escalated()));
    }

    public static MiniProgramView approved(MiniProgramView p, VersionApprovedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.APPROVED, 0,
                new ReviewView(e.reviewerId(), ReviewOutcome.APPROVED, List.of(), e.comment(), at), v.escalated()));
    }

    public static MiniProgramView rejected(MiniProgramView p, VersionRejectedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> version(v, VersionStatus.REJECTED, 0,
                new ReviewView(e.reviewerId(), ReviewOutcome.REJECTED, e.reasons(), e.comment(), at), v.escalated()));
    }

    /**
     * The version most users get after an event, given the one before: a full release, or the first phased one,
     * becomes current; a rollback makes its target current; an expired phased release that was current leaves none.
     * Every other event leaves it as it was.
     */
    public static String currentVersionAfter(String current, Object event) {
        if (event instanceof VersionReleasedEvent e) {
            return e.percentage() == 100 || current == null ? e.version() : current;
        } else if (event instanceof PhasedReleaseExpiredEvent e) {
            return e.version().equals(current) ? null : current;
        } else if (event instanceof ReleaseRolledBackEvent e) {
            return e.toVersion();
        }
        return current;
    }

    public static MiniProgramView released(MiniProgramView p, VersionReleasedEvent e, Instant at) {
        List<VersionView> versions = p.versions().stream().map(v -> {
            if (v.number().equals(e.version())) {
                return version(v, VersionStatus.RELEASED, e.percentage(), v.review(), v.escalated());
            }
            if (e.percentage() == 100 && v.status() == VersionStatus.RELEASED) {
                return version(v, VersionStatus.SUPERSEDED, v.releasePercentage(), v.review(), v.escalated());
            }
            return v;
        }).toList();
        return with(p, versions, ProgramStatus.LIVE, currentVersionAfter(p.currentVersion(), e), at);
    }

    public static MiniProgramView expired(MiniProgramView p, PhasedReleaseExpiredEvent e, Instant at) {
        MiniProgramView changed = mapVersion(p, e.version(), at,
                                             v -> version(v, VersionStatus.APPROVED, 0, v.review(), v.escalated()));
        String current = currentVersionAfter(p.currentVersion(), e);
        return p.currentVersion() != null && current == null
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
        return with(p, versions, p.status(), currentVersionAfter(p.currentVersion(), e), at);
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
                               percentage, escalated, v.checks());
    }

    public static MiniProgramView checked(MiniProgramView p, PackageCheckedEvent e, Instant at) {
        List<VersionView> versions = p.versions().stream().map(v -> !v.number().equals(e.version()) ? v
                : new VersionView(v.id(), v.miniProgramId(), v.number(), v.status(), v.changelog(), v.permissions(),
                                  v.privacyUses(), v.packageDigest(), v.packageSize(), v.submittedAt(), v.review(),
                                  v.releasePercentage(), v.escalated(), PackageChecksView.of(e.findings())))
                .toList();
        return with(p, versions, p.status(), p.currentVersion(), at);
    }

    private static MiniProgramView with(MiniProgramView p, List<VersionView> versions, ProgramStatus status,
                                        String current, Instant at) {
        return new MiniProgramView(p.id(), p.developerId(), p.name(), p.summary(), p.description(), p.category(),
                                   p.tags(), p.iconUrl(), status, current, List.copyOf(versions), p.createdAt(), at,
                                   p.defaultLocale(), p.translations(), p.icon(), p.screenshots());
    }
}
