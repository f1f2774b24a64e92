package dev.marketplace.app.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed: {@code X-Marketplace-Signature: sha256=<hex>}, the HMAC-SHA256 under the endpoint's
 * secret of {@code <X-Marketplace-Timestamp>.<body>}. A receiver recomputes it and refuses a timestamp older than a
 * few minutes, so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Marketplace-Signature";
    public static final String TIMESTAMP_HEADER = "X-Marketplace-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
