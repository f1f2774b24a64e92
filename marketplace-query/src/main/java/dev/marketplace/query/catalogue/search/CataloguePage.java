package dev.marketplace.query.catalogue.search;

import dev.marketplace.query.catalogue.index.CatalogueDocument;
import dev.marketplace.query.catalogue.index.Popularity;
import java.util.List;
import java.util.Map;

/** A page of catalogue hits with the facet counts of the whole result. */
public record CataloguePage(List<Hit> hits, boolean hasNextPage, long totalCount, Map<String, List<Facet>> facets) {

    /** A hit; its cursor is null when the search's caller does not read cursors ({@link CatalogueParts#cursors}). */
    public record Hit(CatalogueDocument document, String cursor, Map<String, List<String>> highlights) {

        /** The popularity figures the hit was ranked by, as of the index's last refresh. */
        public Popularity popularity() {
            return Popularity.of(document);
        }
    }

    public record Facet(String value, long count) {
    }
}
