package dev.marketplace.query.graphql;

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

    /** Live programs are public; others only to their developer and to reviewers. */
    public static boolean maySee(MiniProgramView program) {
        if (program.status() == ProgramStatus.LIVE) {
            return true;
        }
        return current().map(a -> a.acts(Role.REVIEWER) || a.userId().equals(program.developerId())).orElse(false);
    }
}
