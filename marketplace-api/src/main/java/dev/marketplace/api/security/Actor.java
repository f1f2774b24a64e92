package dev.marketplace.api.security;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated user behind a message. It travels in message metadata (see {@link ActorMetadata}) so every
 * stored event names who caused it, and aggregates decide with it.
 */
public record Actor(String userId, Set<Role> roles) {

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor of(String userId, Role... roles) {
        return new Actor(userId, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
    }

    /**
     * The actor for a signed-in principal whose granted authorities are named {@code ROLE_<role>}; authorities
     * that name no marketplace role are ignored.
     */
    public static Actor fromAuthorities(String userId, java.util.Collection<String> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authorities.contains("ROLE_" + role.name())) {
                roles.add(role);
            }
        }
        return new Actor(userId, roles);
    }

    /** True when the actor holds the role itself or is an ADMIN, who may act in every role. */
    public boolean acts(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** Refuses with {@code ROLE_REQUIRED} unless the actor {@linkplain #acts(Role) acts} in the role. */
    public void require(Role role) {
        if (!acts(role)) {
            throw new RuleViolation(RuleCode.ROLE_REQUIRED, "This needs the " + role + " role.");
        }
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public String rolesAsText() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
