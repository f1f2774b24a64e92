package dev.marketplace.command.rating;

import dev.marketplace.api.rules.RuleViolation;
import java.util.regex.Pattern;

/**
 * Checks on what a rating's author and the developer write. Each refusal names the field at fault. Unlike
 * listing names, free text may hold format characters such as the zero-width joiner, which emoji and several
 * scripts need; control characters, bidirectional overrides (which can make text read differently from how it
 * is stored), private-use and unassigned code points are refused.
 */
final class RatingInputRules {

    static final int TEXT_MAX = 2000;
    private static final Pattern UNSAFE =
            Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Co}\\p{Cn}\\u202A-\\u202E\\u2066-\\u2069&&[^\\n\\t]]");

    private RatingInputRules() {
    }

    static int stars(int stars) {
        if (stars < 1 || stars > 5) {
            throw RuleViolation.invalid("stars", "must be 1 to 5, not " + stars);
        }
        return stars;
    }

    static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "is required");
        }
        String text = value.strip();
        int length = text.codePointCount(0, text.length());
        if (length > TEXT_MAX) {
            throw RuleViolation.invalid(field, "must be 1 to " + TEXT_MAX + " characters, not " + length);
        }
        if (UNSAFE.matcher(text).find()) {
            throw RuleViolation.invalid(field, "contains control or invisible characters");
        }
        return text;
    }

    static String optionalText(String field, String value) {
        return value == null || value.isBlank() ? null : requiredText(field, value);
    }
}
