package dev.marketplace.command.program;

import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.SemanticVersion;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.command.program.UploadedPackages.UploadedPackage;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a developer submits for review, validated field by field, the version number (and whether the program takes
 * it, {@code submittable}) first: the package is one the submitter uploaded (its
 * digest and size are the stored package's), and the declared permissions cover the package manifest's.
 */
record VersionPackage(SemanticVersion number, String changelog, List<Permission> permissions,
                      List<PrivacyDataUse> privacyUses, String digest, long size) {

    static final int CHANGELOG_MAX = 5000;
    private static final Pattern SHA256 = Pattern.compile("(sha256:)?[0-9a-f]{64}");

    static VersionPackage validated(String version, String changelog, List<Permission> permissions,
                                    List<PrivacyDataUse> privacyUses, String digest, Long size, Actor submitter,
                                    UploadedPackages uploads, Consumer<SemanticVersion> submittable) {
        SemanticVersion number;
        try {
            number = SemanticVersion.parse(version == null ? null : version.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("version", e.getMessage());
        }
        submittable.accept(number);
        String normalisedDigest = digest == null ? "" : digest.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(normalisedDigest).matches()) {
            throw RuleViolation.invalid("packageDigest", "must be a SHA-256 digest: 64 hexadecimal characters");
        }
        String hex = normalisedDigest.startsWith("sha256:") ? normalisedDigest.substring(7) : normalisedDigest;
        String validChangelog = InputRules.requiredText("changelog", changelog, 1, CHANGELOG_MAX, true);
        List<Permission> declared = InputRules.distinct("permissions", permissions);
        List<PrivacyDataUse> uses = InputRules.distinct("privacyUses", privacyUses);
        UploadedPackage uploaded = uploads.find(hex, submitter.userId()).orElseThrow(() -> new RuleViolation(
                RuleCode.PACKAGE_NOT_FOUND, "packageDigest",
                "packageDigest: you have not uploaded a package " + hex + " (POST it to /packages first; uploads "
                + "no version names are deleted after 24 hours)."));
        if (size != null && size != uploaded.size()) {
            throw RuleViolation.invalid("packageSize", "must be the uploaded package's size, " + uploaded.size()
                                        + " bytes, not " + size + " (or left out)");
        }
        List<Permission> undeclared = uploaded.permissions().stream().filter(p -> !declared.contains(p)).sorted()
                                              .toList();
        if (!undeclared.isEmpty()) {
            throw new RuleViolation(RuleCode.PERMISSIONS_MISMATCH, "permissions",
                                    "permissions: the package's app.json asks for " + undeclared
                                    + ", which the version does not declare.");
        }
        return new VersionPackage(number, validChangelog, declared, uses, hex, uploaded.size());
    }
}
