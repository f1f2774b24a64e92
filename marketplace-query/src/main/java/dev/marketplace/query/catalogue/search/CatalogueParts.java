package dev.marketplace.query.catalogue.search;

import java.util.List;
import java.util.Set;

/**
 * The parts of a search page the caller reads, beyond the hits themselves. Elasticsearch computes only these:
 * highlights, facet counts and the exact total each cost it work on every matching program, and a point in time
 * (opened for {@code cursors} when the result has more pages) costs a second request. Of each catalogue search
 * hit it returns the program, and the program's versions only when {@code versions} says they are read.
 *
 * @param cursors    whether the caller reads cursors to ask for a following page
 * @param totalCount whether the caller reads the exact number of results
 * @param highlights whether the caller reads highlighted fragments
 * @param facets     the facets the caller reads, of {@link #FACETS}
 * @param versions   whether the caller reads the programs' versions (their list or the current one): each version
 *                   carries its changelog, permissions and data uses, by far the largest part of a document
 */
public record CatalogueParts(boolean cursors, boolean totalCount, boolean highlights, Set<String> facets,
                             boolean versions) {

    /** The facets a search can count, as the schema names them. */
    public static final List<String> FACETS = List.of("categories", "tags", "permissions");

    /** Everything: what a caller that does not say gets. */
    public static final CatalogueParts ALL = new CatalogueParts(true, true, true, Set.copyOf(FACETS),
                                                                true);

    public CatalogueParts {
        facets = Set.copyOf(facets);
        if (!FACETS.containsAll(facets)) {
            throw new IllegalArgumentException("unknown facets in " + facets + "; known: " + FACETS);
        }
    }
}
