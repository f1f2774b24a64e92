package dev.marketplace.command.program;

import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.command.text.HiddenCharacters;
import dev.marketplace.command.text.TextLength;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks on the shape of user input that every command shares. Each refusal names the field at fault. Text must
 * be free of {@link HiddenCharacters}, which would let two names look alike, and fit its length limit once
 * normalised ({@link TextLength}).
 */
public final class InputRules {

    /** The longest comment a reviewer may attach to a decision. */
    static final int REVIEW_COMMENT_MAX = 2000;

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} _-]*");

    private InputRules() {
    }

    public static String requiredText(String field, String value, int min, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "is required");
        }
        String text = value.strip();
        HiddenCharacters.IN_LISTINGS.refuseIn(field, text);
        TextLength.require(field, text, min, max);
        if (!multiline && (text.contains("\n") || text.contains("\t"))) {
            throw RuleViolation.invalid(field, "must be a single line");
        }
        return text;
    }

    /** A listing name: one line of text that does not mix look-alike scripts ({@link Lookalikes}). */
    public static String name(String field, String value, int min, int max) {
        String text = requiredText(field, value, min, max, false);
        Lookalikes.refuseSpoofing(field, text);
        return text;
    }

    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : requiredText(field, value, 1, max, true);
    }

    static List<String> tags(List<String> tags, int maxCount, int maxLength) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > maxCount) {
            throw RuleViolation.invalid("tags", "at most " + maxCount + " tags, not " + tags.size());
        }
        List<String> cleaned = tags.stream().map(t -> requiredText("tags", t, 1, maxLength, false)).toList();
        for (String tag : cleaned) {
            if (!TAG.matcher(tag).matches()) {
                throw RuleViolation.invalid("tags", "'" + tag + "' may hold letters, digits, spaces, '-' and '_'");
            }
        }
        if (new HashSet<>(cleaned.stream().map(ProgramNames::normalize).toList()).size() != cleaned.size()) {
            throw RuleViolation.invalid("tags", "each tag may appear once");
        }
        return cleaned;
    }

    public static String httpsUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > 2048) {
            throw RuleViolation.invalid(field, "must be at most 2048 characters");
        }
        try {
            URI uri = new URI(text);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw RuleViolation.invalid(field, "must be an https:// address with a host and no credentials");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw RuleViolation.invalid(field, "is not a valid URL (" + e.getReason() + ")");
        }
    }

    static <T> List<T> distinct(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw RuleViolation.invalid(field, "must not contain empty entries");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw RuleViolation.invalid(field, "each entry may appear once");
        }
        return List.copyOf(values);
    }
}
