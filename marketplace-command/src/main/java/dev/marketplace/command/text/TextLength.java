package dev.marketplace.command.text;

import dev.marketplace.api.rules.RuleViolation;
import java.text.Normalizer;

/**
 * Length limits on text. They count code points as written or once NFKC-normalised, whichever is more: names are
 * compared in NFKC, where one code point can become many (U+FDFA becomes 18), and what is compared must fit where
 * it is kept.
 */
public final class TextLength {

    private TextLength() {
    }

    /** Refuses {@code text} unless it is {@code min} to {@code max} code points long, written and normalised. */
    public static void require(String field, String text, int min, int max) {
        int written = text.codePointCount(0, text.length());
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int normalised = compatible.codePointCount(0, compatible.length());
        int length = Math.max(written, normalised);
        if (length < min || length > max) {
            throw RuleViolation.invalid(field, "must be " + min + " to " + max + " characters, not " + length
                                               + (normalised > written ? " once normalised (NFKC)" : ""));
        }
    }
}
