package dev.marketplace.app.apikeys;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * A developer's API keys: create (the key is in this answer and nowhere else, ever), list, revoke. A key acts as
 * its creator in the USER and DEVELOPER roles only, so whatever its scopes it never reviews; an admin may revoke any
 * key. Someone else's key is answered as missing, so ids cannot be probed.
 */
@Controller
record ApiKeyController(ApiKeys keys) {

    static final int NAME_MAX = 100;
    static final int MAX_ACTIVE_KEYS = 20;

    private static final Clock CLOCK = Clock.systemUTC();

    @MutationMapping
    CreatedApiKey createApiKey(@Argument CreateApiKeyInput input) {
        Actor actor = Viewer.required();
        actor.require(Role.DEVELOPER);
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.invalid("input.name", "must be 1 to " + NAME_MAX
                                                      + " characters without control characters");
        }
        if (input.scopes() == null || input.scopes().isEmpty()) {
            throw RuleViolation.invalid("input.scopes", "name at least one of UPLOAD_PACKAGE, SUBMIT_VERSION, READ");
        }
        Instant now = CLOCK.instant();
        if (input.expiresAt() != null && !input.expiresAt().isAfter(now)) {
            throw RuleViolation.invalid("input.expiresAt", "must be in the future");
        }
        long active = keys.ownedBy(actor.userId()).stream().filter(k -> k.usableAt(now)).count();
        if (active >= MAX_ACTIVE_KEYS) {
            throw new RuleViolation(RuleCode.INVALID_TRANSITION, "You already have " + MAX_ACTIVE_KEYS
                                    + " active API keys; revoke one first.");
        }
        Set<ApiKeyScope> scopes = EnumSet.copyOf(input.scopes());
        return keys.create(actor.userId(), name, scopes, input.expiresAt(), Set.of(Role.USER.name(),
                                                                                     Role.DEVELOPER.name()));
    }

    @QueryMapping
    List<ApiKey> apiKeys() {
        return keys.ownedBy(Viewer.required().userId());
    }

    @MutationMapping
    ApiKey revokeApiKey(@Argument String id) {
        Actor actor = Viewer.required();
        ApiKey key = keys.find(id).filter(k -> actor.isAdmin() || k.ownerId().equals(actor.userId()))
                         .orElseThrow(() -> new RuleViolation(RuleCode.API_KEY_NOT_FOUND, "No API key with id " + id
                                                                                           + "."));
        return keys.revoke(key);
    }
}
