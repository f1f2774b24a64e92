package dev.marketplace.query.program;

import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import java.util.List;
import java.util.Optional;

/**
 * What of a program's versions anyone may see: the released ones and those a later release superseded, without
 * their review and package checks. Versions in review, approved but not released, rejected or withdrawn, who
 * reviewed what with which comment, and what the checks found, are for the program's developer and for reviewers. Every path that shows versions to a caller
 * (program fields, past listings, subscriptions) goes through here.
 */
public final class VersionDisclosure {

    private VersionDisclosure() {
    }

    /** The version as a caller sees it; empty when it is not public and the caller is neither owner nor reviewer. */
    public static Optional<VersionView> shown(VersionView version, boolean ownerOrReviewer) {
        if (ownerOrReviewer) {
            return Optional.of(version);
        }
        if (version.status() != VersionStatus.RELEASED && version.status() != VersionStatus.SUPERSEDED) {
            return Optional.empty();
        }
        return Optional.of(new VersionView(version.id(), version.miniProgramId(), version.number(), version.status(),
                                           version.changelog(), version.permissions(), version.privacyUses(),
                                           version.packageDigest(), version.packageSize(), version.submittedAt(),
                                           null, version.releasePercentage(), version.escalated(), null));
    }

    /** The versions a caller sees, in their order; none for a program read without its versions. */
    public static List<VersionView> shown(List<VersionView> versions, boolean ownerOrReviewer) {
        if (versions == null) {
            return List.of();
        }
        return versions.stream().flatMap(v -> shown(v, ownerOrReviewer).stream()).toList();
    }
}
