package dev.marketplace.query.subscription;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.security.Actor;
import dev.marketplace.query.program.VersionDisclosure;
import dev.marketplace.query.shared.Viewer;
import java.util.Optional;

/**
 * Who follows a program, and what they may see of it: the rule of reading a program, so a live program is public
 * and any other is shown only to its developer and to reviewers; and the rule of reading versions
 * ({@link VersionDisclosure}). {@code user} is null for an anonymous follower.
 */
record Follower(Actor user) {

    /** The caller of the current request, as its security context names them. */
    static Follower current() {
        return new Follower(Viewer.current().orElse(null));
    }

    boolean maySee(ProgramStatus status, String developerId) {
        return status == ProgramStatus.LIVE || Viewer.isOwnerOrReviewer(user, developerId);
    }

    /**
     * The changed version as this follower may see it: whole for the developer and reviewers; for anyone else only
     * a released or superseded version of a program they may see, without its review.
     */
    Optional<VersionView> shown(VersionChange change) {
        if (!maySee(change.programStatus(), change.developerId())) {
            return Optional.empty();
        }
        return VersionDisclosure.shown(change.version(), Viewer.isOwnerOrReviewer(user, change.developerId()));
    }
}
