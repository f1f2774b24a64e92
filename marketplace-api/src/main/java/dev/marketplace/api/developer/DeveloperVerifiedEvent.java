package dev.marketplace.api.developer;

import org.axonframework.serialization.Revision;

/** An admin checked that the developer is who their profile says: their listings carry the verified badge. */
@Revision("1")
public record DeveloperVerifiedEvent(String developerId, String adminId, String displayName)
        implements DeveloperEvent {
}
