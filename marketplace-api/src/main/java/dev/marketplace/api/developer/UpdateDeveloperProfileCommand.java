package dev.marketplace.api.developer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the signed-in developer's public profile; the developer id is the caller's own user id. */
public record UpdateDeveloperProfileCommand(@TargetAggregateIdentifier String developerId, String displayName,
                                            String website, String contactEmail) {
}
