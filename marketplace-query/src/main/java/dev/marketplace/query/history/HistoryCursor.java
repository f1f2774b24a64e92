package dev.marketplace.query.history;

import dev.marketplace.api.rules.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque history cursors: the sequence number of the last entry a client has seen, in URL-safe Base64. The prefix
 * keeps a cursor of another connection from being taken for one of these.
 */
final class HistoryCursor {

    private static final String PREFIX = "history:";

    private HistoryCursor() {
    }

    static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString((PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number a cursor stands for; a RuleViolation on the {@code after} argument when malformed. */
    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long sequence = Long.parseLong(text.substring(PREFIX.length()));
                if (sequence >= 0 && sequence < Long.MAX_VALUE) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException notBase64OrNotANumber) {
            // refused below, like every other cursor this query did not make
        }
        throw RuleViolation.invalid("after", "is not a cursor returned by this query");
    }
}
