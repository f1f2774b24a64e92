package dev.marketplace.query.catalogue;

import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.ReviewView;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The read side's fold of a program's events into the {@link MiniProgramView} clients see. It mirrors the
 * aggregate's transitions without re-checking rules: an event is a fact.
 */
final class ProgramState {

    private ProgramState() {
    }

    static MiniProgramView registered(MiniProgramRegisteredEvent e, Instant at) {
        return new MiniProgramView(e.programId(), e.developerId(), e.name(), e.summary(), e.description(),
                                   e.category(), e.tags(), e.iconUrl(), ProgramStatus.DRAFT, null, List.of(), at,
                                   at);
    }

    static MiniProgramView submitted(MiniProgramView p, VersionSubmittedEvent e, Instant at) {
        List<VersionView> versions = new ArrayList<>(p.versions());
        versions.add(new VersionView(new VersionId(p.id(), e.version()).value(), p.id(), e.version(),
                                     VersionStatus.IN_REVIEW, e.changelog(), e.permissions(), e.privacyUses(),
                                     e.packageDigest(), e.packageSize(), at, null, 0));
        return withVersions(p, versions, p.status(), p.currentVersion(), at);
    }

    static MiniProgramView approved(MiniProgramView p, VersionApprovedEvent e, Instant at) {
        return mapVersion(p, e.version(), at, v -> new VersionView(
                v.id(), v.miniProgramId(), v.number(), VersionStatus.APPROVED, v.changelog(), v.permissions(),
                v.privacyUses(), v.packageDigest(), v.packageSize(), v.submittedAt(),
                new ReviewView(e.reviewerId(), ReviewOutcome.APPROVED, List.of(), e.comment(), at),
                v.releasePercentage()));
    }

    static MiniProgramView released(MiniProgramView p, VersionReleasedEvent e, Instant at) {
        boolean becomesCurrent = e.percentage() == 100 || p.currentVersion() == null;
        List<VersionView> versions = p.versions().stream().map(v -> {
            if (v.number().equals(e.version())) {
                return withStatus(v, VersionStatus.RELEASED, e.percentage());
            }
            if (e.percentage() == 100 && v.status() == VersionStatus.RELEASED) {
                return withStatus(v, VersionStatus.SUPERSEDED, v.releasePercentage());
            }
            return v;
        }).toList();
        return withVersions(p, versions, ProgramStatus.LIVE, becomesCurrent ? e.version() : p.currentVersion(), at);
    }

    private static MiniProgramView mapVersion(MiniProgramView p, String number, Instant at,
                                              UnaryOperator<VersionView> change) {
        List<VersionView> versions = p.versions().stream()
                .map(v -> v.number().equals(number) ? change.apply(v) : v).toList();
        return withVersions(p, versions, p.status(), p.currentVersion(), at);
    }

    private static VersionView withStatus(VersionView v, VersionStatus status, int percentage) {
        return new VersionView(v.id(), v.miniProgramId(), v.number(), status, v.changelog(), v.permissions(),
                               v.privacyUses(), v.packageDigest(), v.packageSize(), v.submittedAt(), v.review(),
                               percentage);
    }

    private static MiniProgramView withVersions(MiniProgramView p, List<VersionView> versions, ProgramStatus status,
                                                String current, Instant at) {
        return new MiniProgramView(p.id(), p.developerId(), p.name(), p.summary(), p.description(), p.category(),
                                   p.tags(), p.iconUrl(), status, current, List.copyOf(versions), p.createdAt(), at);
    }
}
