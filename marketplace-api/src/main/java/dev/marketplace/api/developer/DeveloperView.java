package dev.marketplace.api.developer;

/**
 * A developer's public profile as clients see it; {@code displayName} is null until the developer sets a profile.
 * The contact address is shown only to the developer and to reviewers.
 */
public record DeveloperView(String id, String displayName, String website, String contactEmail, boolean verified) {

    /** A developer who has not set a profile: known only by id, never verified. */
    public static DeveloperView unnamed(String id) {
        return new DeveloperView(id, null, null, null, false);
    }
}
