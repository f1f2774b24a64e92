package dev.marketplace.query.catalogue.search;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.query.shared.PageInfo;
import java.util.List;

/** The catalogue's Relay connection shapes, as records Spring for GraphQL maps by property name. */
public final class CatalogueConnections {

    private CatalogueConnections() {
    }

    public record Highlight(String field, List<String> fragments) {
    }

    public record FacetCount(String value, long count) {
    }

    public record CatalogueFacets(List<FacetCount> categories, List<FacetCount> tags, List<FacetCount> permissions) {
    }

    public record MiniProgramEdge(MiniProgramView node, String cursor, List<Highlight> highlights) {
    }

    /** {@code searchId}: the recorded search this first page was, for a client to report what was chosen from it. */
    public record MiniProgramConnection(List<MiniProgramEdge> edges, PageInfo pageInfo, long totalCount,
                                        CatalogueFacets facets, String searchId) {
    }

    public record VersionEdge(VersionView node, String cursor) {
    }

    public record VersionConnection(List<VersionEdge> edges, PageInfo pageInfo, long totalCount) {
    }
}
