package dev.marketplace.query.subscription;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who follows a program, and what they may see of it: the rule of reading a program, so a live program is public
 * and any other is shown only to its developer and to reviewers. {@code user} is null for an anonymous follower.
 */
record Follower(Actor user) {

    /** The caller of the current request, as its security context names them. */
    static Follower current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new Follower(null);
        }
        return new Follower(Actor.fromAuthorities(
                auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
    }

    boolean maySee(ProgramStatus status, String developerId) {
        return status == ProgramStatus.LIVE
               || user != null && (user.acts(Role.REVIEWER) || user.userId().equals(developerId));
    }
}
