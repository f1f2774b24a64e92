package dev.marketplace.api.shared;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import java.util.function.BiFunction;

/**
 * The form {@code <prefix><programId>:<userId>} of the ids of what a user has at most once per mini-program: an
 * installation, a rating, an abuse report. They share the event store with programs and with each other, so each
 * kind has its own prefix and no id can equal a program id (program ids hold no colon) or another kind's. The user
 * id comes last because it is the only part that may itself contain a colon.
 *
 * @param prefix what every id of the kind starts with, its colon included ({@code rating:})
 * @param kind   the kind as messages name it, with its article ({@code a rating id})
 */
public record PerUserIdForm(String prefix, String kind) {

    /** Refuses a blank program id or one holding a colon, and a blank user id. */
    public void check(String programId, String userId) {
        if (!isProgramId(programId) || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException(kind + " needs a program id (without ':') and a user id");
        }
    }

    public String value(String programId, String userId) {
        return prefix + programId + ':' + userId;
    }

    /**
     * Parses an id made by {@link #value}, giving its program id and user id to {@code id}; the first colon after
     * the prefix ends the program id.
     */
    public <T> T parse(String value, BiFunction<String, String, T> id) {
        int at = value == null || !value.startsWith(prefix) ? -1 : value.indexOf(':', prefix.length());
        if (at < 0 || value.substring(prefix.length(), at).isBlank() || value.substring(at + 1).isBlank()) {
            throw new IllegalArgumentException("'" + value + "' is not " + kind + " (expected " + prefix
                                               + "<programId>:<userId>)");
        }
        return id.apply(value.substring(prefix.length(), at), value.substring(at + 1));
    }

    /**
     * Refuses a command unless {@code id} is the actor's own for {@code programId}: a malformed program id as
     * INVALID_INPUT on {@code programField}, anyone else's id as NOT_OWNER saying {@code notOwn}.
     */
    public void requireOwn(String id, String programField, String programId, Actor actor, String notOwn) {
        if (!isProgramId(programId)) {
            throw RuleViolation.invalid(programField, "'" + programId + "' is not a mini-program id");
        }
        if (!value(programId, actor.userId()).equals(id)) {
            throw new RuleViolation(RuleCode.NOT_OWNER, notOwn);
        }
    }

    private static boolean isProgramId(String programId) {
        return programId != null && !programId.isBlank() && programId.indexOf(':') < 0;
    }
}
