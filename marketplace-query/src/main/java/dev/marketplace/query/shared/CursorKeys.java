package dev.marketplace.query.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys page cursors are signed with. Every node of a deployment needs the same keys, so a cursor made by one
 * node pages on at another: they are configuration, never generated at start-up. To rotate, make the new key
 * {@code current} and move the old one to {@code previous}; cursors signed with it keep working until they are
 * dropped from there (a cursor is worth little after its point in time expires, a few minutes).
 *
 * @param current  signs new cursors; at least {@value #MIN_LENGTH} characters
 * @param previous still accepted on cursors clients send back, not used to sign
 */
@ConfigurationProperties("marketplace.security.cursor-keys")
public record CursorKeys(String current, @DefaultValue List<String> previous) {

    static final int MIN_LENGTH = 32;
    /** The key application.yml ships for the embedded default; anyone who reads it can forge cursors. */
    public static final String DEVELOPMENT_KEY = "marketplace-development-cursor-key-change-me-0123456789";

    public CursorKeys {
        if (current == null || current.getBytes(StandardCharsets.UTF_8).length < MIN_LENGTH) {
            throw new IllegalArgumentException("marketplace.security.cursor-keys.current must be set to a secret of "
                                               + "at least " + MIN_LENGTH + " characters, the same on every node");
        }
        previous = previous == null ? List.of() : List.copyOf(previous);
        if (previous.stream().anyMatch(key -> key.getBytes(StandardCharsets.UTF_8).length < MIN_LENGTH)) {
            throw new IllegalArgumentException("marketplace.security.cursor-keys.previous holds a key shorter than "
                                               + MIN_LENGTH + " characters");
        }
    }

    /** Whether cursors are signed, or still accepted, with the published development key. */
    public boolean usesDevelopmentKey() {
        return DEVELOPMENT_KEY.equals(current) || previous.contains(DEVELOPMENT_KEY);
    }
}
