package dev.marketplace.query.shared;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs page cursors so that what a client sends back is what this server made: the payload and an HMAC-SHA256 of
 * it, both URL-safe Base64. The signature also covers the cursor's purpose (which connection, which sort, whose
 * programs), so a cursor is refused on any other connection. A cursor that fails is {@code INVALID_CURSOR} on the
 * {@code after} argument, before anything is read with it: no edited position, no point in time someone else named.
 */
@Component
public class CursorSeal {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec signing;
    private final List<SecretKeySpec> accepted = new ArrayList<>();

    public CursorSeal(CursorKeys keys) {
        signing = key(keys.current());
        accepted.add(signing);
        keys.previous().stream().map(CursorSeal::key).forEach(accepted::add);
    }

    /** The cursor of {@code payload} for the connection named by {@code purpose}. */
    public String seal(String purpose, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(signing, purpose, bytes));
    }

    /** The payload of a cursor this server sealed for {@code purpose}, with any key still accepted. */
    public String open(String purpose, String cursor) {
        int dot = cursor == null ? -1 : cursor.indexOf('.');
        if (dot > 0) {
            try {
                byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
                byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
                for (SecretKeySpec key : accepted) {
                    if (MessageDigest.isEqual(signature, mac(key, purpose, payload))) {
                        return new String(payload, StandardCharsets.UTF_8);
                    }
                }
            } catch (IllegalArgumentException notBase64) {
                // refused below, like every cursor whose signature does not hold
            }
        }
        throw notACursor();
    }

    /**
     * The refusal of a cursor this query did not give: its signature fails, or (sealed here in another shape) its
     * payload does not read as the query's position.
     */
    public static RuleViolation notACursor() {
        return new RuleViolation(RuleCode.INVALID_CURSOR, "after", "after: is not a cursor returned by this query");
    }

    private static byte[] mac(SecretKeySpec key, String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
}
