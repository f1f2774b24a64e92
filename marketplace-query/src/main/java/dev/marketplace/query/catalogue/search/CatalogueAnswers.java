package dev.marketplace.query.catalogue.search;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.catalogue.search.CatalogueConnections.CatalogueFacets;
import dev.marketplace.query.catalogue.search.CatalogueConnections.FacetCount;
import dev.marketplace.query.catalogue.search.CatalogueConnections.Highlight;
import dev.marketplace.query.catalogue.search.CatalogueConnections.MiniProgramConnection;
import dev.marketplace.query.catalogue.search.CatalogueConnections.MiniProgramEdge;
import dev.marketplace.query.shared.PageInfo;
import dev.marketplace.query.shared.SelectedPaths;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;

/** A page of catalogue search as GraphQL answers it, for the live catalogue and for the catalogue as of an instant. */
public final class CatalogueAnswers {

    private CatalogueAnswers() {
    }

    /**
     * What the query reads of the connection besides its programs: a cursor it could page on with {@code after},
     * the total, highlights, which facets, and whether it reads the programs' versions. A program found without
     * its versions has none ({@code versions()} is null), so a new field of MiniProgram that reads them must be
     * named here too.
     */
    public static CatalogueParts parts(DataFetchingEnvironment environment) {
        return parts(SelectedPaths.of(environment));
    }

    /** The same, from the paths selected below the connection ({@code edges/node/id}). */
    static CatalogueParts parts(Set<String> selected) {
        return new CatalogueParts(selected.contains("edges/cursor") || selected.contains("pageInfo/endCursor"),
                                  selected.contains("totalCount"), selected.contains("edges/highlights"),
                                  CatalogueParts.FACETS.stream().filter(f -> selected.contains("facets/" + f))
                                                        .collect(Collectors.toSet()),
                                  selected.contains("edges/node/versions")
                                  || selected.contains("edges/node/currentVersion")
                                  || selected.contains("edges/node/releaseShares"));
    }

    /**
     * The hits' documents already hold their popularity, so it goes into this request's loader: the program
     * fields {@code installCount} and {@code rating} then need no second read of the same documents.
     */
    public static MiniProgramConnection connection(CataloguePage page, DataLoader<String, Popularity> popularity) {
        return connection(page, popularity, null, null, null);
    }

    /**
     * The same, with the developers' names and badges the documents hold primed into {@code developers} when given,
     * the programs in {@code locale} (their default language when null), for a search recorded under
     * {@code searchId} (none when null).
     */
    public static MiniProgramConnection connection(CataloguePage page, DataLoader<String, Popularity> popularity,
                                                   DataLoader<String, DeveloperView> developers, String locale,
                                                   String searchId) {
        page.hits().forEach(h -> {
            popularity.prime(h.document().id(), h.popularity());
            if (developers != null) {
                developers.prime(h.document().developerId(), h.document().developer());
            }
        });
        List<MiniProgramEdge> edges = page.hits().stream()
                .map(h -> new MiniProgramEdge(h.document().program().in(locale), h.cursor(),
                                              highlights(h.highlights())))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new MiniProgramConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount(),
                                         new CatalogueFacets(facet(page, "categories"), facet(page, "tags"),
                                                             facet(page, "permissions")), searchId);
    }

    private static List<Highlight> highlights(Map<String, List<String>> highlights) {
        return highlights.entrySet().stream().map(e -> new Highlight(e.getKey(), e.getValue())).toList();
    }

    private static List<FacetCount> facet(CataloguePage page, String name) {
        return page.facets().getOrDefault(name, List.of()).stream()
                   .map(f -> new FacetCount(f.value(), f.count())).toList();
    }
}
