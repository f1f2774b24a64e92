package dev.marketplace.app.apikeys;

import dev.marketplace.app.shared.EnumSetColumn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * API keys, stored as the SHA-256 of the whole key. A key is {@value #KEY_PREFIX} + a 12-character public id + "_"
 * + 43 characters of secret (256 random bits). A fast hash is enough for a secret that random: there is nothing
 * to guess, and every request with a key hashes it once. The row is read on every use, never cached, so revoking
 * (or the expiry passing) refuses the key on every node at once. The last-used time is written at most once a
 * minute per key, so a busy CI job does not turn every request into a write.
 */
@Repository
public class ApiKeys {

    static final String KEY_PREFIX = "mpk_";
    static final int ID_LENGTH = KEY_PREFIX.length() + 12;
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Whether a bearer token has the shape of an API key (and not of a JWT, which never starts this way). */
    public static boolean looksLikeKey(String token) {
        return token != null && token.startsWith(KEY_PREFIX);
    }

    CreatedApiKey create(String ownerId, String name, Set<ApiKeyScope> scopes, Instant expiresAt,
                         Set<String> roles) {
        String id = KEY_PREFIX + randomId();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("insert into api_key (id, owner_id, name, secret_hash, scopes, roles, created_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, ownerId, name, hash(key), EnumSetColumn.write(scopes),
                    String.join(",", roles), Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt));
        return new CreatedApiKey(key, new ApiKey(id, ownerId, name, scopes, now, expiresAt, null, null));
    }

    List<ApiKey> ownedBy(String ownerId) {
        return jdbc.query("select * from api_key where owner_id = ? order by created_at, id", ApiKeys::toKey,
                          ownerId);
    }

    Optional<ApiKey> find(String id) {
        return jdbc.query("select * from api_key where id = ?", ApiKeys::toKey, id).stream().findFirst();
    }

    /** Revokes the key; a key already revoked keeps its first revocation time. */
    ApiKey revoke(ApiKey key) {
        jdbc.update("update api_key set revoked_at = ? where id = ? and revoked_at is null",
                    Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)), key.id());
        return find(key.id()).orElseThrow();
    }

    /**
     * The usable key that {@code presented} is, with the roles it acts in; empty for anything else (unknown,
     * wrong secret, revoked, expired). Records the use.
     */
    public Optional<Authenticated> authenticate(String presented) {
        // The secret is base64url, which may hold '_' too: the id is split off by its fixed length.
        if (!looksLikeKey(presented) || presented.length() <= ID_LENGTH + 1 || presented.charAt(ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = presented.substring(0, ID_LENGTH);
        List<Authenticated> rows = jdbc.query("select * from api_key where id = ?", (rs, row) -> new Authenticated(
                toKey(rs, row), rs.getString("secret_hash"), Set.of(rs.getString("roles").split(","))), id);
        Instant now = clock.instant();
        Optional<Authenticated> key = rows.stream()
                .filter(k -> MessageDigest.isEqual(k.secretHash().getBytes(StandardCharsets.US_ASCII),
                                                   hash(presented).getBytes(StandardCharsets.US_ASCII)))
                .filter(k -> k.key().usableAt(now)).findFirst();
        key.ifPresent(k -> recordUse(k.key(), now));
        return key;
    }

    private void recordUse(ApiKey key, Instant now) {
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.update("update api_key set last_used_at = ? where id = ?",
                        Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS)), key.id());
        }
    }

    /** A key that authenticated, with the hash it matched and the roles its owner had when creating it. */
    public record Authenticated(ApiKey key, String secretHash, Set<String> roles) {
    }

    private String randomId() {
        char[] id = new char[ID_LENGTH - KEY_PREFIX.length()];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ApiKey toKey(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("owner_id"), rs.getString("name"),
                          EnumSetColumn.read(ApiKeyScope.class, rs.getString("scopes")),
                          instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                          instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
