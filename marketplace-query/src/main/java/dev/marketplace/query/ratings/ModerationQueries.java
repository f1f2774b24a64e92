package dev.marketplace.query.ratings;

import dev.marketplace.api.security.Role;
import dev.marketplace.query.catalogue.projection.PopularityStore;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.shared.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** What reviewers moderate besides versions: ratings that users flagged, across every program. */
@Controller
record ModerationQueries(PopularityStore store, CursorSeal seal) {

    private static final String CURSORS = "flagged-ratings";

    @QueryMapping
    RatingConnection flaggedRatings(@Argument int first, @Argument String after) {
        Viewer.required().require(Role.REVIEWER);
        int size = RatingCursor.pageSize(first);
        RatingCursor from = RatingCursor.decode(after, seal, CURSORS);
        return RatingCursor.connection(store.flaggedRatings(from == null ? null : from.updatedAt(),
                                                            from == null ? null : from.ratingId(), size + 1),
                                       size, store.flaggedRatingCount(), seal, CURSORS);
    }
}
