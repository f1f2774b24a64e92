package dev.marketplace.query.catalogue.projection;

import dev.marketplace.api.developer.DeveloperEvent;
import dev.marketplace.api.developer.DeveloperProfileUpdatedEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.developer.DeveloperView;

/** The read side's fold of developer events: what each one makes of the profile as it was. */
final class DeveloperProfiles {

    private DeveloperProfiles() {
    }

    static DeveloperView apply(DeveloperView before, DeveloperEvent event) {
        if (event instanceof DeveloperProfileUpdatedEvent e) {
            return new DeveloperView(e.developerId(), e.displayName(), e.website(), e.contactEmail(),
                                     before.verified());
        } else if (event instanceof DeveloperVerifiedEvent) {
            return withBadge(before, true);
        } else if (event instanceof DeveloperUnverifiedEvent) {
            return withBadge(before, false);
        }
        throw new IllegalStateException("No fold for developer event " + event.getClass().getName());
    }

    private static DeveloperView withBadge(DeveloperView before, boolean verified) {
        return new DeveloperView(before.id(), before.displayName(), before.website(), before.contactEmail(),
                                 verified);
    }
}
