package dev.marketplace.command.program;

import dev.marketplace.api.program.ListingImage;
import dev.marketplace.api.rules.RuleViolation;
import java.util.HashSet;
import java.util.List;

/**
 * The images a listing names, checked against the media store: an icon is a stored square image of 144 to 1024
 * pixels; at most six screenshots, each stored and named once, in the developer's order.
 */
final class ListingImages {

    static final int ICON_MIN = 144;
    static final int ICON_MAX = 1024;
    static final int SCREENSHOTS_MAX = 6;

    private ListingImages() {
    }

    /** Null digest: no icon. */
    static ListingImage icon(String digest, MediaLibrary media) {
        if (digest == null || digest.isBlank()) {
            return null;
        }
        ListingImage icon = stored("iconDigest", digest, media);
        if (icon.width() != icon.height() || icon.width() < ICON_MIN || icon.width() > ICON_MAX) {
            throw RuleViolation.invalid("iconDigest", "an icon must be square, " + ICON_MIN + " to " + ICON_MAX
                                                      + " pixels a side, not " + icon.width() + "×" + icon.height());
        }
        return icon;
    }

    static List<ListingImage> screenshots(List<String> digests, MediaLibrary media) {
        if (digests == null) {
            return List.of();
        }
        if (digests.size() > SCREENSHOTS_MAX) {
            throw RuleViolation.invalid("screenshotDigests", "at most " + SCREENSHOTS_MAX + " screenshots, not "
                                                             + digests.size());
        }
        if (new HashSet<>(digests).size() != digests.size()) {
            throw RuleViolation.invalid("screenshotDigests", "each screenshot may appear once");
        }
        return digests.stream().map(d -> stored("screenshotDigests", d, media)).toList();
    }

    private static ListingImage stored(String field, String digest, MediaLibrary media) {
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw RuleViolation.invalid(field, "'" + digest + "' is not an image digest (64 hexadecimal digits)");
        }
        return media.find(digest).orElseThrow(() -> RuleViolation.invalid(
                field, "no image " + digest + " was uploaded; upload it to /media first"));
    }
}
