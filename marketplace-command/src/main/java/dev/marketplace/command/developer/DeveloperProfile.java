package dev.marketplace.command.developer;

import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.command.program.InputRules;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A valid developer profile: a display name of one line (2 to 50 characters, no hidden characters, no look-alike
 * scripts mixed, as program names), an optional https website and an optional contact address.
 */
record DeveloperProfile(String displayName, String website, String contactEmail) {

    static final int NAME_MAX = 50;
    static final int EMAIL_MAX = 254;

    /** One @, something before it and a dotted domain after it; deliverability is the mail system's to judge. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    static DeveloperProfile validated(String displayName, String website, String contactEmail) {
        return new DeveloperProfile(InputRules.name("displayName", displayName, 2, NAME_MAX),
                                    InputRules.httpsUrl("website", website), email(contactEmail));
    }

    /** Whether a verification of {@code other} still vouches for this: same name and website. */
    boolean sameIdentityAs(DeveloperProfile other) {
        return other != null && displayName.equals(other.displayName) && Objects.equals(website, other.website);
    }

    private static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > EMAIL_MAX) {
            throw RuleViolation.invalid("contactEmail", "must be at most " + EMAIL_MAX + " characters");
        }
        if (!EMAIL.matcher(text).matches()) {
            throw RuleViolation.invalid("contactEmail", "'" + text + "' is not an e-mail address");
        }
        return text;
    }
}
