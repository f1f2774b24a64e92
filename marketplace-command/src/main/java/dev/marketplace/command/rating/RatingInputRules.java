package dev.marketplace.command.rating;

import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.command.text.HiddenCharacters;
import dev.marketplace.command.text.TextLength;

/**
 * Checks on what a rating's author and the developer write. Each refusal names the field at fault. Unlike
 * listing names, prose may hold the joiners and variation selectors that emoji and several scripts need; other
 * {@link HiddenCharacters} are refused, and the length limit counts normalised text ({@link TextLength}).
 */
final class RatingInputRules {

    static final int TEXT_MAX = 2000;

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
        HiddenCharacters.IN_PROSE.refuseIn(field, text);
        TextLength.require(field, text, 1, TEXT_MAX);
        return text;
    }

    static String optionalText(String field, String value) {
        return value == null || value.isBlank() ? null : requiredText(field, value);
    }
}
