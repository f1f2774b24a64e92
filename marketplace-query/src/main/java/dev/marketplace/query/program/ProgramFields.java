package dev.marketplace.query.program;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rating.RatingView;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.catalogue.projection.PopularityStore;
import dev.marketplace.query.catalogue.projection.RatingSort;
import dev.marketplace.query.catalogue.search.CatalogueReader;
import dev.marketplace.query.ratings.RatingConnection;
import dev.marketplace.query.ratings.RatingCursor;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.shared.Viewer;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Fields of MiniProgram that are not plain properties of {@link MiniProgramView}. Install counts and ratings come
 * from the catalogue through one batched lookup per request, however many programs a response holds.
 */
@Controller
class ProgramFields implements RuntimeWiringConfigurer {

    /** The name of the popularity loader, which the data fetchers look it up by. */
    private static final String POPULARITY = Popularity.class.getName();

    private final PopularityStore store;
    private final CursorSeal seal;
    private final Clock clock = Clock.systemUTC();

    ProgramFields(BatchLoaderRegistry loaders, CatalogueReader reader, PopularityStore store, CursorSeal seal) {
        this.store = store;
        this.seal = seal;
        loaders.forTypePair(String.class, Popularity.class)
               .withName(POPULARITY)
               .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> reader.popularity(ids)));
        loaders.forTypePair(RatingsKey.class, RatingsPage.class)
               .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadRatings(keys)));
        loaders.forTypePair(InstalledKey.class, Boolean.class)
               .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadInstalled(keys)));
    }

    @SchemaMapping(typeName = "MiniProgram")
    VersionView currentVersion(MiniProgramView program) {
        return versions(program).stream().filter(v -> v.number().equals(program.currentVersion())).findFirst()
                                .orElse(null);
    }

    /** Every version for the developer and reviewers; to others only what {@link VersionDisclosure} makes public. */
    @SchemaMapping(typeName = "MiniProgram")
    List<VersionView> versions(MiniProgramView program) {
        return VersionDisclosure.shown(program.versions(), Viewer.isOwnerOrReviewer(program.developerId()));
    }

    /**
     * {@code installCount} and {@code rating}, on every program of every page, are plain data fetchers rather than
     * controller methods: a controller method resolves its arguments and adapts its answer by reflection on each
     * call, which cost a catalogue page more than the fields themselves (BENCHMARKS.md). They are trivial in
     * graphql-java's sense: they only ask the request's loader, which reads in one batch after them (or was primed
     * from the search hits), so they are not timed one by one as {@code graphql.datafetcher} observations.
     */
    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        TrivialDataFetcher<CompletableFuture<Long>> installCount =
                env -> popularity(env).thenApply(Popularity::installCount);
        TrivialDataFetcher<CompletableFuture<RatingSummary>> rating = env -> popularity(env).thenApply(
                p -> new RatingSummary(p.ratingAverage(), p.ratingCount(), p.ratingHistogram()));
        wiring.type("MiniProgram", type -> type.dataFetcher("installCount", installCount)
                                               .dataFetcher("rating", rating));
    }

    /**
     * The program's popularity from this request's loader: primed from search hits, else read in one batch. A
     * program as of an earlier instant brings the figures of that instant along as its local context.
     */
    private static CompletableFuture<Popularity> popularity(DataFetchingEnvironment env) {
        if (env.getLocalContext() instanceof Popularity past) {
            return CompletableFuture.completedFuture(past);
        }
        MiniProgramView program = env.getSource();
        DataLoader<String, Popularity> loader = env.getDataLoader(POPULARITY);
        return loader.load(program.id());
    }

    /**
     * Ratings are read from the read side's table, hidden ones for reviewers and the program's developer only. A page of programs that each
     * show their first ratings costs one query for all of them; a later page of one program's ratings, one query.
     */
    @SchemaMapping(typeName = "MiniProgram")
    CompletableFuture<RatingConnection> ratings(MiniProgramView program, @Argument int first,
                                                @Argument String after, @Argument RatingSort sort,
                                                DataLoader<RatingsKey, RatingsPage> loader) {
        int size = RatingCursor.pageSize(first);
        RatingSort order = sort == null ? RatingSort.NEWEST : sort;
        // The developer sees hidden ratings of their own program too: one they replied to must not just vanish.
        boolean seesHidden = Viewer.isOwnerOrReviewer(program.developerId());
        // A cursor pages only the list and order it came from.
        String cursors = "ratings/" + program.id() + "/" + order;
        RatingCursor from = RatingCursor.decode(after, seal, cursors);
        return loader.load(new RatingsKey(program.id(), seesHidden, order, size, from))
                     .thenApply(page -> RatingCursor.connection(page.rows(), size, page.total(), seal, cursors));
    }

    /** Whether the signed-in viewer has the program installed: one query for a whole page of programs. */
    @SchemaMapping(typeName = "MiniProgram")
    CompletableFuture<Boolean> installedByViewer(MiniProgramView program,
                                                 DataLoader<InstalledKey, Boolean> installed) {
        return Viewer.current().map(actor -> installed.load(new InstalledKey(actor.userId(), program.id())))
                     .orElse(CompletableFuture.completedFuture(null));
    }

    record RatingSummary(double average, long count, List<Long> histogram) {
    }

    record InstalledKey(String userId, String programId) {
    }

    private Map<InstalledKey, Boolean> loadInstalled(Set<InstalledKey> keys) {
        Map<InstalledKey, Boolean> answers = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(InstalledKey::userId)).forEach((user, group) -> {
            Set<String> installed = store.installedBy(user, group.stream().map(InstalledKey::programId).toList());
            group.forEach(k -> answers.put(k, installed.contains(k.programId())));
        });
        return answers;
    }

    record RatingsKey(String programId, boolean includeHidden, RatingSort sort, int size, RatingCursor from) {
    }

    record RatingsPage(List<RatingView> rows, long total) {
    }

    private Map<RatingsKey, RatingsPage> loadRatings(Set<RatingsKey> keys) {
        Map<RatingsKey, RatingsPage> pages = new HashMap<>();
        Map<List<Object>, List<RatingsKey>> firstPages = keys.stream().filter(k -> k.from() == null)
                .collect(Collectors.groupingBy(k -> List.of(k.includeHidden(), k.size(), k.sort())));
        firstPages.forEach((shape, group) -> {
            boolean hidden = group.get(0).includeHidden();
            List<String> ids = group.stream().map(RatingsKey::programId).distinct().toList();
            Map<String, List<RatingView>> rows = store.firstRatings(ids, hidden, group.get(0).sort(),
                                                                    group.get(0).size() + 1);
            Map<String, Long> totals = store.ratingCounts(ids, hidden);
            group.forEach(k -> pages.put(k, new RatingsPage(rows.get(k.programId()), totals.get(k.programId()))));
        });
        keys.stream().filter(k -> k.from() != null).forEach(k -> pages.put(k, new RatingsPage(
                store.ratings(k.programId(), k.includeHidden(), k.sort(), k.from().stars(), k.from().updatedAt(),
                              k.from().ratingId(), k.size() + 1),
                store.ratingCount(k.programId(), k.includeHidden()))));
        return pages;
    }

    /** How long a version has waited for review, for the queue; null once it is decided or withdrawn. */
    @SchemaMapping(typeName = "Version")
    Long waitingSeconds(VersionView version) {
        if (version.status() != VersionStatus.IN_REVIEW || version.submittedAt() == null) {
            return null;
        }
        return Duration.between(version.submittedAt(), clock.instant()).toSeconds();
    }
}
