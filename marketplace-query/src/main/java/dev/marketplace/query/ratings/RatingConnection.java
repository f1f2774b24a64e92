package dev.marketplace.query.ratings;

import dev.marketplace.api.rating.RatingView;
import dev.marketplace.query.shared.PageInfo;
import java.util.List;

/** A page of ratings as the schema's Relay connection: one program's, or the flagged ones. */
public record RatingConnection(List<RatingEdge> edges, PageInfo pageInfo, long totalCount) {

    public record RatingEdge(RatingView node, String cursor) {
    }
}
