package dev.marketplace.query.catalogue.search;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.catalogue.projection.PopularityStore;
import dev.marketplace.query.catalogue.search.CatalogueConnections.MiniProgramConnection;
import dev.marketplace.query.catalogue.search.CatalogueConnections.VersionConnection;
import dev.marketplace.query.catalogue.search.CatalogueConnections.VersionEdge;
import dev.marketplace.query.searchhistory.SearchSessions;
import dev.marketplace.query.shared.CallerAddress;
import dev.marketplace.query.shared.PageInfo;
import dev.marketplace.query.shared.ReaderLanguage;
import dev.marketplace.query.shared.Viewer;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The public catalogue: search, one program, and name suggestions. */
@Controller
record CatalogueQueries(CatalogueSearch search, CatalogueReader reader, PopularityStore installs,
                        SearchSessions sessions, RankingWeightsInForce weights) {

    private static final int MAX_SUGGESTIONS = 20;

    /**
     * A signed-in user's first page is recorded as a search (unless they opted out), with the weights it was ranked
     * with: the weights are read once, so the recorded ones are those of the search. The programs come in the
     * reader's language, falling back to each listing's default language.
     */
    @QueryMapping
    MiniProgramConnection catalogue(@Argument String query, @Argument CatalogueFilter filter,
                                    @Argument CatalogueSort sort, @Argument int first, @Argument String after,
                                    @Argument String locale, DataFetchingEnvironment environment,
                                    DataLoader<String, Popularity> popularity,
                                    DataLoader<String, DeveloperView> developers, GraphQLContext context) {
        String language = ReaderLanguage.resolve(locale, context);
        CatalogueRequest request = new CatalogueRequest(query, filter, sort, first, after);
        RankingWeights inForce = weights.get();
        CataloguePage page = search.search(inForce, request, CatalogueAnswers.parts(environment),
                                           CallerAddress.holder(context));
        Actor viewer = after == null ? Viewer.current().orElse(null) : null;
        String searchId = viewer == null ? null : sessions.record(
                viewer, query, filter, CatalogueQueryBuilder.sortOf(request).name(),
                page.hits().stream().map(h -> h.document().id()).toList(), RankingWeightsInForce.values(inForce));
        return CatalogueAnswers.connection(page, popularity, developers, language, searchId);
    }

    /** The signed-in developer's programs, whatever their status. */
    @QueryMapping
    MiniProgramConnection myMiniPrograms(@Argument int first, @Argument String after,
                                         DataLoader<String, Popularity> popularity,
                                         DataLoader<String, DeveloperView> developers) {
        Actor actor = Viewer.required();
        actor.require(Role.DEVELOPER);
        return CatalogueAnswers.connection(search.developerPrograms(actor.userId(), first, after), popularity,
                                           developers, null, null);
    }

    /** The signed-in user's installed programs (the live ones), most recently changed first. Any signed-in user. */
    @QueryMapping
    MiniProgramConnection myInstalledPrograms(@Argument int first, @Argument String after,
                                              DataLoader<String, Popularity> popularity,
                                              DataLoader<String, DeveloperView> developers, GraphQLContext context) {
        Actor user = Viewer.required();
        return CatalogueAnswers.connection(
                search.installedPrograms(user.userId(), installs.installedBy(user.userId()), first, after),
                popularity, developers, ReaderLanguage.resolve(null, context), null);
    }

    /** Versions waiting for review, escalated ones first, then the longest waiting; filtered when asked. */
    @QueryMapping
    VersionConnection reviewQueue(@Argument ReviewQueueFilter filter, @Argument int first, @Argument String after) {
        Actor reviewer = Viewer.required();
        reviewer.require(Role.REVIEWER);
        CataloguePage page = search.reviewQueue(filter, reviewer.userId(), first, after,
                                                "user:" + reviewer.userId());
        List<VersionEdge> edges = page.hits().stream().map(h -> new VersionEdge(
                h.document().program().versions().stream()
                 .filter(v -> v.number().equals(h.document().inReviewVersion())).findFirst().orElseThrow(),
                h.cursor())).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new VersionConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount());
    }

    /** The program in the reader's language, falling back to its default language. */
    @QueryMapping
    MiniProgramView miniProgram(@Argument String id, @Argument String locale, GraphQLContext context) {
        String language = ReaderLanguage.resolve(locale, context);
        return reader.find(id).filter(Viewer::maySee).map(p -> p.in(language)).orElse(null);
    }

    /**
     * The program a version belongs to, as {@code miniProgram} would show it: on a review queue item, the developer,
     * the earlier versions with their outcomes and reasons, and how many users have it installed.
     */
    @SchemaMapping(typeName = "Version")
    MiniProgramView miniProgram(VersionView version) {
        return reader.find(version.miniProgramId()).filter(Viewer::maySee).orElse(null);
    }

    @QueryMapping
    List<String> suggest(@Argument String prefix, @Argument int first, @Argument String locale,
                         GraphQLContext context) {
        String language = ReaderLanguage.resolve(locale, context);
        if (first < 1 || first > MAX_SUGGESTIONS) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_SUGGESTIONS + ", not " + first);
        }
        if (prefix == null || prefix.isBlank() || prefix.length() > 50) {
            throw RuleViolation.invalid("prefix", "must be 1 to 50 characters");
        }
        return reader.suggest(prefix.strip(), first, language);
    }
}
