package dev.marketplace.query.shared;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is reading, and what the read side lets them see. */
public final class Viewer {

    private Viewer() {
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(Actor.fromAuthorities(auth.getName(),
                                                 auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                                     .toList()));
    }

    /** The signed-in user, or a refusal for anonymous callers. */
    public static Actor required() {
        return current().orElseThrow(() -> new RuleViolation(RuleCode.UNAUTHENTICATED, "Sign in to do this."));
    }

    /** The signed-in ADMIN, or a refusal: anonymous callers are UNAUTHENTICATED, others ROLE_REQUIRED. */
    public static Actor admin() {
        Actor actor = required();
        actor.require(Role.ADMIN);
        return actor;
    }

    /** Live programs are public; others only to their developer and to reviewers. */
    public static boolean maySee(MiniProgramView program) {
        return program.status() == ProgramStatus.LIVE || isOwnerOrReviewer(program.developerId());
    }

    /** Whether the signed-in viewer is the program's developer or a reviewer (an ADMIN acts as one). */
    public static boolean isOwnerOrReviewer(String developerId) {
        return isOwnerOrReviewer(current().orElse(null), developerId);
    }

    /** The same for a given user, null when anonymous. */
    public static boolean isOwnerOrReviewer(Actor actor, String developerId) {
        return actor != null && (actor.acts(Role.REVIEWER) || actor.userId().equals(developerId));
    }
}
