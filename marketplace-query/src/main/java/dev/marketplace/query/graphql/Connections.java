package dev.marketplace.query.graphql;

import dev.marketplace.api.program.MiniProgramView;
import java.util.List;

/** The Relay connection shapes of the schema, as records Spring for GraphQL maps by property name. */
final class Connections {

    private Connections() {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
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

    record Developer(String id) {
    }

    record RatingSummary(double average, long count, List<Long> histogram) {
    }
}
