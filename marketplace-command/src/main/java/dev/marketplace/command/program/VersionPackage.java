package dev.marketplace.command.program;

import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.SemanticVersion;
import dev.marketplace.api.rules.RuleViolation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a developer submits for review, validated field by field. */
record VersionPackage(SemanticVersion number, String changelog, List<Permission> permissions,
                      List<PrivacyDataUse> privacyUses, String digest, long size) {

    /** Like a host super-app's limit on a whole mini-program package. */
    static final long MAX_SIZE = 20L * 1024 * 1024;
    static final int CHANGELOG_MAX = 5000;
    private static final Pattern SHA256 = Pattern.compile("(sha256:)?[0-9a-f]{64}");

    static VersionPackage validated(String version, String changelog, List<Permission> permissions,
                                    List<PrivacyDataUse> privacyUses, String digest, long size) {
        SemanticVersion number;
        try {
            number = SemanticVersion.parse(version == null ? null : version.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("version", e.getMessage());
        }
        String normalisedDigest = digest == null ? "" : digest.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(normalisedDigest).matches()) {
            throw RuleViolation.invalid("packageDigest", "must be a SHA-256 digest: 64 hexadecimal characters");
        }
        if (size <= 0 || size > MAX_SIZE) {
            throw RuleViolation.invalid("packageSize", "must be between 1 and " + MAX_SIZE + " bytes, not " + size);
        }
        return new VersionPackage(number,
                                  InputRules.requiredText("changelog", changelog, 1, CHANGELOG_MAX, true),
                                  InputRules.distinct("permissions", permissions),
                                  InputRules.distinct("privacyUses", privacyUses),
                                  normalisedDigest.startsWith("sha256:") ? normalisedDigest.substring(7)
                                                                         : normalisedDigest,
                                  size);
    }
}
