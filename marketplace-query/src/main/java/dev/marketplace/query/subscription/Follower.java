package dev.marketplace.query.subscription;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.graphql.Viewer;

/**
 * Who follows a program, and what they may see of it: the rule of reading a program, so a live program is public
 * and any other is shown only to its developer and to reviewers. {@code user} is null for an anonymous follower.
 */
record Follower(Actor user) {

    /** The caller of the current request, as its security context names them. */
    static Follower current() {
        return new Follower(Viewer.current().orElse(null));
    }

    boolean maySee(ProgramStatus status, String developerId) {
        return status == ProgramStatus.LIVE
               || user != null && (user.acts(Role.REVIEWER) || user.userId().equals(developerId));
    }
}
