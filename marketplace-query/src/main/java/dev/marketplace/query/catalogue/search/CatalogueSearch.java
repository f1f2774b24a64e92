package dev.marketplace.query.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.index.CatalogueDocument;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.shared.CursorSeal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Every catalogue search goes through here: what Elasticsearch is asked ({@link CatalogueQueryBuilder}), facets,
 * the parts a caller reads, and paging with cursors and points in time. Only LIVE programs are found.
 */
@Service
public class CatalogueSearch {

    public static final int MAX_PAGE = 100;
    /** The fields of a document a search hit is read from: {@link CataloguePage.Hit}. */
    private static final List<String> PROGRAM_SOURCE = List.of("id", "installCount", "ratingAverage", "ratingCount",
                                                               "ratingHistogram", "ratingBayesian", "program");
    private static final SourceConfig PROGRAM_WITH_VERSIONS =
            SourceConfig.of(c -> c.filter(f -> f.includes(PROGRAM_SOURCE)));
    private static final SourceConfig PROGRAM_WITHOUT_VERSIONS =
            SourceConfig.of(c -> c.filter(f -> f.includes(PROGRAM_SOURCE).excludes("program.versions")));
    private static final Map<String, String> FACET_FIELDS = Map.of("categories", "category", "tags", "tags",
                                                                   "permissions", "permissions");

    private final ElasticsearchClient client;
    private final CatalogueQueryBuilder queries;
    private final CatalogueIndex index;
    private final CursorSeal seal;
    private final OpenSearches openSearches;
    private final String keepAlive;

    CatalogueSearch(ElasticsearchClient client, CatalogueQueryBuilder queries, CatalogueIndex index, CursorSeal seal,
                    OpenSearches openSearches, OpenSearchLimits limits) {
        this.client = client;
        this.queries = queries;
        this.index = index;
        this.seal = seal;
        this.openSearches = openSearches;
        this.keepAlive = limits.keepAliveTime();
    }

    /**
     * One page of live programs, with the parts the caller reads. A point in time is opened for a result with more
     * pages only when the caller reads cursors: most searches show one page and never page on, and opening one
     * costs a second request and holds the index's segments for its keep-alive. {@code caller} names who the
     * point in time is held for ({@link OpenSearches}).
     */
    public CataloguePage search(CatalogueRequest request, CatalogueParts parts, String caller) {
        return search(index.alias(), "catalogue/", queries.catalogue(request), request, parts, caller);
    }

    /** The same, ranked with the given weights (read once by a caller that records them). */
    public CataloguePage search(RankingWeights weights, CatalogueRequest request, CatalogueParts parts,
                                String caller) {
        return search(index.alias(), "catalogue/", queries.catalogue(request, weights), request, parts, caller);
    }

    /**
     * The same search on another index of the catalogue (one built as of a past instant), ranked with the given
     * weights. Its cursors are sealed for that index, so they page on nothing else.
     */
    public CataloguePage search(String otherIndex, RankingWeights weights, CatalogueRequest request,
                                CatalogueParts parts, String caller) {
        return search(otherIndex, otherIndex + "/", queries.catalogue(request, weights), request, parts, caller);
    }

    private CataloguePage search(String target, String purpose, Query query, CatalogueRequest request,
                                 CatalogueParts parts, String caller) {
        requirePageSize(request.first());
        CatalogueSort sort = CatalogueQueryBuilder.sortOf(request);
        return run(query, CatalogueQueryBuilder.highlight(request, parts),
                   CatalogueQueryBuilder.sorting(sort), request.first(), request.after(), parts, false,
                   new Paging(purpose + sort, caller, target));
    }

    /**
     * Which result a cursor belongs to (what it is sealed for), who holds the result's point in time, and the index
     * it searches.
     */
    private record Paging(String purpose, String caller, String index) {
    }

    /**
     * The Elasticsearch request behind the first page of {@link #search}, exactly as it is sent; the benchmark
     * sends it straight to Elasticsearch to compare with the same search through GraphQL (reaching it from a test
     * class in this package, so it is no part of the module's API).
     */
    SearchRequest firstPageRequest(CatalogueRequest request, CatalogueParts parts) {
        requirePageSize(request.first());
        return request(queries.catalogue(request), CatalogueQueryBuilder.highlight(request, parts),
                       CatalogueQueryBuilder.sorting(CatalogueQueryBuilder.sortOf(request)), request.first(), null,
                       parts, false, index.alias());
    }

    /**
     * What a search hit brings back of its document: the program and its popularity, not the copies of the
     * program's fields that search and sorting work on, and the program's versions only when the caller reads
     * them. A program with a long history carries every version's changelog, permissions and data uses; a
     * catalogue card shows none of them. A program read without its versions has none ({@code versions} null).
     */
    private static SourceConfig programSource(CatalogueParts parts) {
        return parts.versions() ? PROGRAM_WITH_VERSIONS : PROGRAM_WITHOUT_VERSIONS;
    }

    /** Every program of one developer, whatever its status, most recently changed first. */
    public CataloguePage developerPrograms(String developerId, int first, String after) {
        requirePageSize(first);
        Query query = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("developerId").value(developerId)))));
        return run(query, null, List.of(CatalogueQueryBuilder.desc("updatedAt"),
                                                  CatalogueQueryBuilder.ascending("id")), first, after, CatalogueParts.ALL, true,
                   new Paging("developer/" + developerId, "user:" + developerId, index.alias()));
    }

    /**
     * The live programs among those one user has installed, most recently changed first. Those no longer live
     * (suspended, delisted) are left out: only their developer and reviewers may see them.
     */
    public CataloguePage installedPrograms(String userId, Collection<String> programIds, int first, String after) {
        requirePageSize(first);
        List<FieldValue> ids = programIds.stream().map(FieldValue::of).toList();
        Query query = Query.of(q -> q.bool(b -> b
                .filter(f -> f.terms(t -> t.field("id").terms(v -> v.value(ids))))
                .filter(f -> f.term(t -> t.field("status").value(ProgramStatus.LIVE.name())))));
        return run(query, null, List.of(CatalogueQueryBuilder.desc("updatedAt"), CatalogueQueryBuilder.ascending("id")),
                   first, after, CatalogueParts.ALL, true, new Paging("installed/" + userId, "user:" + userId,
                                                                            index.alias()));
    }

    /**
     * Programs with a version waiting for review: escalated ones first, then the longest waiting, narrowed by the
     * filter. Cursors are sealed for the filter, so one cannot page a differently filtered queue.
     */
    public CataloguePage reviewQueue(ReviewQueueFilter filter, String reviewerId, int first, String after,
                                     String caller) {
        requirePageSize(first);
        ReviewQueueFilter f = filter == null ? ReviewQueueFilter.NONE : filter;
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(x -> x.exists(e -> e.field("inReviewSince")));
            if (f.categories() != null && !f.categories().isEmpty()) {
                b.filter(x -> x.terms(t -> t.field("category").terms(v -> v.value(
                        f.categories().stream().map(c -> FieldValue.of(c.name())).toList()))));
            }
            if (f.permissions() != null && !f.permissions().isEmpty()) {
                b.filter(x -> x.terms(t -> t.field("inReviewPermissions").terms(v -> v.value(
                        f.permissions().stream().map(p -> FieldValue.of(p.name())).toList()))));
            }
            if (f.checks() != null && !f.checks().isEmpty()) {
                b.filter(x -> x.terms(t -> t.field("inReviewChecks").terms(v -> v.value(
                        f.checks().stream().map(c -> FieldValue.of(c.name())).toList()))));
            }
            if (Boolean.TRUE.equals(f.escalatedOnly())) {
                b.filter(x -> x.term(t -> t.field("inReviewEscalated").value(true)));
            }
            if (Boolean.TRUE.equals(f.unclaimedOnly())) {
                b.mustNot(x -> x.exists(e -> e.field("inReviewClaimedBy")));
            }
            if (Boolean.TRUE.equals(f.claimedByMe())) {
                b.filter(x -> x.term(t -> t.field("inReviewClaimedBy").value(reviewerId)));
            }
            if (f.text() != null && !f.text().isBlank()) {
                b.filter(x -> x.match(m -> m.field("name").query(f.text().strip()).operator(Operator.And)));
            }
            return b;
        }));
        List<SortOptions> escalatedThenOldest = List.of(
                SortOptions.of(o -> o.field(x -> x.field("inReviewEscalated").order(SortOrder.Desc))),
                SortOptions.of(o -> o.field(x -> x.field("inReviewSince").order(SortOrder.Asc))),
                CatalogueQueryBuilder.ascending("id"));
        String purpose = "review-queue|" + f + (Boolean.TRUE.equals(f.claimedByMe()) ? "|" + reviewerId : "");
        return run(query, null, escalatedThenOldest, first, after, new CatalogueParts(true, true, false, Set.of(), true),
                   true, new Paging(purpose, caller, index.alias()));
    }

    private static void requirePageSize(int first) {
        if (first < 0 || first > MAX_PAGE) {
            throw RuleViolation.invalid("first", "must be between 0 and " + MAX_PAGE + ", not " + first);
        }
    }

    /**
     * Runs one page. When the result has further pages, the following pages are read from a point in time opened
     * now and carried in the cursors, so paging stays complete and free of duplicates while documents change
     * (installs and ratings move programs between sort positions all the time). A caller that reads no cursor
     * gets none that pages within a point in time: a cursor it did not read cannot lead to a next page. Without a
     * highlight query nothing is highlighted. The point in time is closed as soon as its last page has been read.
     */
    private CataloguePage run(Query query, Query highlight, List<SortOptions> sorting, int first, String after,
                              CatalogueParts parts, boolean wholeDocuments, Paging paging) {
        Cursors.Cursor cursor = after == null ? null : Cursors.decode(seal, paging.purpose(), after, sorting.size());
        String pit = cursor == null ? null : cursor.pointInTime();
        try {
            SearchResponse<CatalogueDocument> response = client.search(
                    request(query, highlight, sorting, first, cursor, parts, wholeDocuments, paging.index()),
                    CatalogueDocument.class);
            boolean more = response.hits().hits().size() > first;
            String nextPit = pit != null ? pagedOn(pit, response.pitId(), more)
                    : more && parts.cursors() ? openPointInTime(paging.caller(), paging.index()) : null;
            return page(response, first, nextPit, paging.purpose(), parts.cursors());
        } catch (ElasticsearchException e) {
            if (pit != null && e.status() == 404) {
                throw RuleViolation.invalid("after", "has expired; start the search again from the first page");
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("The catalogue is unavailable right now", e);
        }
    }

    /**
     * A search request. Its hits are whole documents for the review queue and the developer's own programs, which
     * read the searchable fields too; for the catalogue they are what {@link #programSource} says.
     */
    private SearchRequest request(Query query, Query highlight, List<SortOptions> sorting, int first,
                                  Cursors.Cursor cursor, CatalogueParts parts, boolean wholeDocuments,
                                  String target) {
        String pit = cursor == null ? null : cursor.pointInTime();
        return SearchRequest.of(s -> {
            if (pit != null) {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(keepAlive)));
            } else {
                s.index(target);
            }
            s.size(first + 1)
             .trackTotalHits(t -> t.enabled(parts.totalCount()))
             .query(query)
             .sort(sorting);
            if (!wholeDocuments) {
                s.source(programSource(parts));
            }
            if (highlight != null) {
                // The html encoder escapes the fields' text around the <em> markers: a name is never markup.
                s.highlight(h -> h.type(HighlighterType.FastVector).encoder(HighlighterEncoder.Html)
                                  .highlightQuery(highlight)
                                  .preTags("<em>").postTags("</em>")
                                  .fields("name", f -> f.numberOfFragments(0))
                                  .fields("summary", f -> f.numberOfFragments(0))
                                  .fields("description", f -> f.numberOfFragments(2).fragmentSize(120)));
            }
            CatalogueParts.FACETS.stream().filter(parts.facets()::contains).forEach(facet -> s.aggregations(facet, a -> a.terms(
                    t -> t.field(FACET_FIELDS.get(facet)).size(30))));
            if (cursor != null) {
                s.searchAfter(cursor.sortValues());
            }
            return s;
        });
    }

    /**
     * A point in time for the following pages of a result, or null when the caller or this node already holds as
     * many as {@link OpenSearchLimits} allow: that result is then paged on the live index, which may repeat or skip
     * a program that moves meanwhile, but never refuses a search.
     */
    private String openPointInTime(String caller, String target) throws IOException {
        OpenSearches.Entry place = openSearches.reserve(caller).orElse(null);
        if (place == null) {
            return null;
        }
        try {
            String pit = client.openPointInTime(o -> o.index(target).keepAlive(k -> k.time(keepAlive))).id();
            openSearches.opened(place, pit);
            return pit;
        } catch (IOException | RuntimeException e) {
            openSearches.release(place);
            throw e;
        }
    }

    /** The point in time the next page is read from; none after the last page, whose point in time is closed. */
    private String pagedOn(String pit, String returnedPit, boolean more) {
        String current = returnedPit == null ? pit : returnedPit;
        if (more) {
            openSearches.used(pit, current);
            return current;
        }
        try {
            client.closePointInTime(c -> c.id(current));
        } catch (IOException | ElasticsearchException alreadyGone) {
            // Expired or closed by a concurrent last page: Elasticsearch has let it go either way.
        }
        openSearches.closed(pit);
        return null;
    }

    /** The page; its hits carry cursors only when the caller reads them, as sealing one costs an HMAC. */
    private CataloguePage page(SearchResponse<CatalogueDocument> response, int first, String pit, String purpose,
                               boolean cursors) {
        List<Hit<CatalogueDocument>> hits = response.hits().hits();
        List<CataloguePage.Hit> page = hits.stream().limit(first)
                .map(h -> new CataloguePage.Hit(h.source(),
                                                cursors ? Cursors.encode(seal, purpose, pit, h.sort()) : null,
                                                h.highlight())).toList();
        Map<String, List<CataloguePage.Facet>> facets = new LinkedHashMap<>();
        for (String facet : CatalogueParts.FACETS) {
            Aggregate aggregate = response.aggregations().get(facet);
            if (aggregate == null) {
                continue;
            }
            facets.put(facet, aggregate.sterms().buckets().array().stream()
                    .map(b -> new CataloguePage.Facet(b.key().stringValue(), b.docCount())).toList());
        }
        long total = response.hits().total() == null ? page.size() : response.hits().total().value();
        return new CataloguePage(page, hits.size() > first, total, facets);
    }
}
