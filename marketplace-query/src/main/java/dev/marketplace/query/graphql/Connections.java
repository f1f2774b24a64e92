package dev.marketplace.query.graphql;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rating.RatingView;
import java.util.List;

/** The Relay connection shapes of the schema, as records Spring for GraphQL maps by property name. */
public final class Connections {

    private Connections() {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Highlight(String field, List<String> fragments) {
    }

    record FacetCount(String value, long count) {
    }

    record CatalogueFacets(List<FacetCount> categories, List<FacetCount> tags, List<FacetCount> permissions) {
    }

    record MiniProgramEdge(MiniProgramView node, String cursor, List<Highlight> highlights) {
    }

    record MiniProgramConnection(List<MiniProgramEdge> edges, PageInfo pageInfo, long totalCount,
                                 CatalogueFacets facets) {
    }

    record VersionEdge(VersionView node, String cursor) {
    }

    record VersionConnection(List<VersionEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    record RatingEdge(RatingView node, String cursor) {
    }

    record RatingConnection(List<RatingEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    record Developer(String id) {
    }

    record RatingSummary(double average, long count, List<Long> histogram) {
    }
}
