package dev.marketplace.api.developer;

import org.axonframework.serialization.Revision;

/**
 * The verified badge was taken away: by an admin ({@code adminId}), or by the developer changing the name or website
 * that had been verified ({@code adminId} null), since a badge must never vouch for a profile nobody checked.
 */
@Revision("1")
public record DeveloperUnverifiedEvent(String developerId, String adminId, String reason) implements DeveloperEvent {
}
