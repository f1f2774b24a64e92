package dev.marketplace.query.graphql;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.CatalogueFilter;
import dev.marketplace.query.catalogue.CataloguePage;
import dev.marketplace.query.catalogue.CatalogueParts;
import dev.marketplace.query.catalogue.CatalogueReader;
import dev.marketplace.query.catalogue.CatalogueRequest;
import dev.marketplace.query.catalogue.CatalogueSearch;
import dev.marketplace.query.catalogue.CatalogueSort;
import dev.marketplace.query.catalogue.Popularity;
import dev.marketplace.query.graphql.Connections.CatalogueFacets;
import dev.marketplace.query.graphql.Connections.FacetCount;
import dev.marketplace.query.graphql.Connections.Highlight;
import dev.marketplace.query.graphql.Connections.MiniProgramConnection;
import dev.marketplace.query.graphql.Connections.MiniProgramEdge;
import dev.marketplace.query.graphql.Connections.PageInfo;
import dev.marketplace.query.graphql.Connections.VersionConnection;
import dev.marketplace.query.graphql.Connections.VersionEdge;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The public catalogue: search, one program, and name suggestions. */
@Controller
class CatalogueQueries {

    private static final int MAX_SUGGESTIONS = 20;

    private final CatalogueSearch search;
    private final CatalogueReader reader;

    CatalogueQueries(CatalogueSearch search, CatalogueReader reader) {
        this.search = search;
        this.reader = reader;
    }

    @QueryMapping
    MiniProgramConnection catalogue(@Argument String query, @Argument CatalogueFilter filter,
                                    @Argument CatalogueSort sort, @Argument Integer first, @Argument String after,
                                    DataFetchingFieldSelectionSet selection,
                                    DataLoader<String, Popularity> popularity) {
        return connection(search.search(new CatalogueRequest(query, filter, sort, first == null ? 20 : first, after),
                                        parts(selection)), popularity);
    }

    /**
     * What the query reads of the connection besides its programs: a cursor it could page on with {@code after},
     * the total, highlights, which facets, and whether it reads the programs' versions. A program found without
     * its versions has none ({@code versions()} is null), so a new field of MiniProgram that reads them must be
     * named here too. The selected fields' paths are read once: the selection's own {@code contains} compiles a
     * glob pattern on every call.
     */
    static CatalogueParts parts(DataFetchingFieldSelectionSet selection) {
        Set<String> selected = selection.getFields().stream().map(SelectedField::getQualifiedName)
                                        .collect(Collectors.toSet());
        return new CatalogueParts(selected.contains("edges/cursor") || selected.contains("pageInfo/endCursor"),
                                  selected.contains("totalCount"), selected.contains("edges/highlights"),
                                  CatalogueSearch.FACETS.stream().filter(f -> selected.contains("facets/" + f))
                                                        .collect(Collectors.toSet()),
                                  selected.contains("edges/node/versions")
                                  || selected.contains("edges/node/currentVersion"));
    }

    /** The signed-in developer's programs, whatever their status. */
    @QueryMapping
    MiniProgramConnection myMiniPrograms(@Argument Integer first, @Argument String after,
                                         DataLoader<String, Popularity> popularity) {
        Actor actor = Viewer.required();
        if (!actor.acts(Role.DEVELOPER)) {
            throw new RuleViolation(RuleCode.ROLE_REQUIRED, "This needs the DEVELOPER role.");
        }
        return connection(search.developerPrograms(actor.userId(), first == null ? 20 : first, after), popularity);
    }

    /** Versions waiting for review, the longest waiting first. */
    @QueryMapping
    VersionConnection reviewQueue(@Argument Integer first, @Argument String after) {
        if (!Viewer.required().acts(Role.REVIEWER)) {
            throw new RuleViolation(RuleCode.ROLE_REQUIRED, "This needs the REVIEWER role.");
        }
        CataloguePage page = search.reviewQueue(first == null ? 20 : first, after);
        List<VersionEdge> edges = page.hits().stream().map(h -> new VersionEdge(
                h.document().program().versions().stream()
                 .filter(v -> v.number().equals(h.document().inReviewVersion())).findFirst().orElseThrow(),
                h.cursor())).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new VersionConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount());
    }

    /**
     * The hits' documents already hold their popularity, so it goes into this request's loader: the program
     * fields {@code installCount} and {@code rating} then need no second read of the same documents.
     */
    private static MiniProgramConnection connection(CataloguePage page, DataLoader<String, Popularity> popularity) {
        page.hits().forEach(h -> popularity.prime(h.document().id(), h.popularity()));
        List<MiniProgramEdge> edges = page.hits().stream()
                .map(h -> new MiniProgramEdge(h.document().program(), h.cursor(), highlights(h.highlights())))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new MiniProgramConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount(),
                                         new CatalogueFacets(facet(page, "categories"), facet(page, "tags"),
                                                             facet(page, "permissions")));
    }

    @QueryMapping
    MiniProgramView miniProgram(@Argument String id) {
        return reader.find(id).filter(Viewer::maySee).orElse(null);
    }

    @QueryMapping
    List<String> suggest(@Argument String prefix, @Argument Integer first) {
        int size = first == null ? 8 : first;
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_SUGGESTIONS + ", not " + size);
        }
        if (prefix == null || prefix.isBlank() || prefix.length() > 50) {
            throw RuleViolation.invalid("prefix", "must be 1 to 50 characters");
        }
        return reader.suggest(prefix.strip(), size);
    }

    private static List<Highlight> highlights(Map<String, List<String>> highlights) {
        return highlights.entrySet().stream().map(e -> new Highlight(e.getKey(), e.getValue())).toList();
    }

    private static List<FacetCount> facet(CataloguePage page, String name) {
        return page.facets().getOrDefault(name, List.of()).stream()
                   .map(f -> new FacetCount(f.value(), f.count())).toList();
    }
}
