package dev.marketplace.api.developer;

import org.axonframework.serialization.Revision;

/** The whole profile after the change, so a reader never needs the earlier events to know it. */
@Revision("1")
public record DeveloperProfileUpdatedEvent(String developerId, String displayName, String website,
                                           String contactEmail) implements DeveloperEvent {
}
