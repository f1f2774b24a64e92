package dev.marketplace.query.graphql;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.catalogue.PopularityStore;
import dev.marketplace.query.graphql.Connections.RatingConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** What reviewers moderate besides versions: ratings that users flagged, across every program. */
@Controller
class ModerationQueries {

    private final PopularityStore store;

    ModerationQueries(PopularityStore store) {
        this.store = store;
    }

    @QueryMapping
    RatingConnection flaggedRatings(@Argument Integer first, @Argument String after) {
        if (!Viewer.required().acts(Role.REVIEWER)) {
            throw new RuleViolation(RuleCode.ROLE_REQUIRED, "This needs the REVIEWER role.");
        }
        int size = RatingCursor.pageSize(first);
        RatingCursor from = after == null ? null : RatingCursor.decode(after);
        return RatingCursor.connection(store.flaggedRatings(from == null ? null : from.updatedAt(),
                                                            from == null ? null : from.ratingId(), size + 1),
                                       size, store.flaggedRatingCount());
    }
}
