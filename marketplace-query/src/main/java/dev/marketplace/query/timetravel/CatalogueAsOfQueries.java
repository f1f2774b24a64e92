package dev.marketplace.query.timetravel;

import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.catalogue.search.CatalogueAnswers;
import dev.marketplace.query.catalogue.search.CatalogueConnections.CatalogueFacets;
import dev.marketplace.query.catalogue.search.CatalogueConnections.MiniProgramConnection;
import dev.marketplace.query.catalogue.search.CatalogueConnections.MiniProgramEdge;
import dev.marketplace.query.catalogue.search.CatalogueFilter;
import dev.marketplace.query.catalogue.search.CatalogueRequest;
import dev.marketplace.query.catalogue.search.CatalogueSearch;
import dev.marketplace.query.catalogue.search.CatalogueSort;
import dev.marketplace.query.catalogue.search.RankingWeightsInForce;
import dev.marketplace.query.shared.PageInfo;
import dev.marketplace.query.shared.Viewer;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The catalogue as it was at a past instant, for reviewers and admins answering "what did a user see then?". */
@Controller
record CatalogueAsOfQueries(AsOfIndexes indexes, CatalogueSearch search, RankingWeightsInForce weights) {

    /**
     * The catalogue search as it answered at {@code at}, ranked with the weights in force then; while the index of that instant is still being built, no
     * programs and the build's progress.
     */
    @QueryMapping
    AsOfConnection catalogueAsOf(@Argument Instant at, @Argument String query, @Argument CatalogueFilter filter,
                                 @Argument CatalogueSort sort, @Argument int first, @Argument String after,
                                 DataFetchingEnvironment environment, DataLoader<String, Popularity> popularity) {
        Actor reviewer = Viewer.required();
        reviewer.require(Role.REVIEWER);
        CatalogueAsOf asOf = indexes.at(at);
        if (asOf.state() != AsOfState.READY) {
            return new AsOfConnection(List.of(), new PageInfo(false, null), 0,
                                      new CatalogueFacets(List.of(), List.of(), List.of()), asOf);
        }
        MiniProgramConnection page = CatalogueAnswers.connection(
                search.search(asOf.index(), weights.at(at), new CatalogueRequest(query, filter, sort, first, after),
                              CatalogueAnswers.parts(environment), "user:" + reviewer.userId()), popularity);
        return new AsOfConnection(page.edges(), page.pageInfo(), page.totalCount(), page.facets(), asOf);
    }

    /** A MiniProgramConnection that also says which as-of index answered, and how far it is built. */
    record AsOfConnection(List<MiniProgramEdge> edges, PageInfo pageInfo, long totalCount, CatalogueFacets facets,
                          CatalogueAsOf asOf) {
    }
}
