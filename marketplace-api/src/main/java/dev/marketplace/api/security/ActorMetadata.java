package dev.marketplace.api.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How an {@link Actor} is written into and read from message metadata. */
public final class ActorMetadata {

    public static final String USER_ID = "userId";
    public static final String ROLES = "roles";

    private ActorMetadata() {
    }

    public static Map<String, Object> of(Actor actor) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(USER_ID, actor.userId());
        metadata.put(ROLES, actor.rolesAsText());
        return metadata;
    }

    /** The actor named by the metadata, or empty when the message was sent without one. */
    public static Optional<Actor> from(Map<String, ?> metadata) {
        Object userId = metadata.get(USER_ID);
        if (!(userId instanceof String id) || id.isBlank()) {
            return Optional.empty();
        }
        Object roles = metadata.get(ROLES);
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles instanceof String text && !text.isBlank()) {
            Arrays.stream(text.split(","))
                  .map(String::trim)
                  .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                  .map(Role::valueOf)
                  .forEach(parsed::add);
        }
        return Optional.of(new Actor(id, parsed));
    }
}
