package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Every catalogue search goes through here: text matching, filters, facets, sorting and cursors. Only LIVE
 * programs are found.
 * <p>
 * Text matching: a program matches when all words of the query occur in one of its text fields, allowing typos
 * (fuzziness AUTO), when the query is its developer's id, or when the query is a prefix of its name
 * (as-you-type). A name equal to the query (case-insensitive) gets a boost that puts it first; a phrase match on
 * the name gets a smaller one, which keeps Chinese names precise (the standard analyzer splits ideographs into
 * single-character terms).
 */
@Service
public class CatalogueSearch {

    public static final int MAX_PAGE = 100;
    public static final int MAX_QUERY_LENGTH = 200;
    /** How long a reader may take between two pages of one result. */
    static final String POINT_IN_TIME_KEEP_ALIVE = "5m";
    public static final List<String> FACETS = List.of("categories", "tags", "permissions");
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
    private final CatalogueIndex index;

    public CatalogueSearch(ElasticsearchClient client, CatalogueIndex index) {
        this.client = client;
        this.index = index;
    }

    /**
     * One page of live programs, with the parts the caller reads. A point in time is opened for a result with more
     * pages only when the caller reads cursors: most searches show one page and never page on, and opening one
     * costs a second request and holds the index's segments for its keep-alive.
     */
    public CataloguePage search(CatalogueRequest request, CatalogueParts parts) {
        requirePageSize(request.first());
        return run(catalogueQuery(request), highlightQuery(request, parts),
                   sorting(sortOf(request)), request.first(), request.after(), parts, false);
    }

    /**
     * The Elasticsearch request behind the first page of {@link #search}, exactly as it is sent; benchmarks send
     * it straight to Elasticsearch to compare with the same search through GraphQL.
     */
    public SearchRequest firstPageRequest(CatalogueRequest request, CatalogueParts parts) {
        requirePageSize(request.first());
        return request(catalogueQuery(request), highlightQuery(request, parts),
                       sorting(sortOf(request)), request.first(), null, parts, false);
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

    private static CatalogueSort sortOf(CatalogueRequest request) {
        return request.sort() == null ? CatalogueSort.RELEVANCE : request.sort();
    }

    private static String textOf(CatalogueRequest request) {
        String text = request.text() == null ? "" : request.text().strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw RuleViolation.invalid("query", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return text;
    }

    private static Query catalogueQuery(CatalogueRequest request) {
        String text = textOf(request);
        CatalogueFilter filter = request.filter() == null ? CatalogueFilter.NONE : request.filter();
        BoolQuery.Builder scope = new BoolQuery.Builder();
        scope.filter(f -> f.term(t -> t.field("status").value(ProgramStatus.LIVE.name())));
        return ranked(query(scope, text, filter), sortOf(request));
    }

    /** Every program of one developer, whatever its status, most recently changed first. */
    public CataloguePage developerPrograms(String developerId, int first, String after) {
        requirePageSize(first);
        Query query = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("developerId").value(developerId)))));
        return run(query, null, List.of(desc("updatedAt"), ascending("id")), first, after, CatalogueParts.ALL, true);
    }

    /** Programs with a version waiting for review, the longest waiting first. */
    public CataloguePage reviewQueue(int first, String after) {
        requirePageSize(first);
        Query query = Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("inReviewSince")))));
        List<SortOptions> oldestFirst = List.of(
                SortOptions.of(o -> o.field(f -> f.field("inReviewSince").order(SortOrder.Asc))), ascending("id"));
        return run(query, null, oldestFirst, first, after, new CatalogueParts(true, true, false, Set.of(), true), true);
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
     * highlight query nothing is highlighted.
     */
    private CataloguePage run(Query query, Query highlight, List<SortOptions> sorting, int first, String after,
                              CatalogueParts parts, boolean wholeDocuments) {
        Cursors.Cursor cursor = after == null ? null : Cursors.decode(after, sorting.size());
        String pit = cursor == null ? null : cursor.pointInTime();
        try {
            SearchResponse<CatalogueDocument> response = client.search(
                    request(query, highlight, sorting, first, cursor, parts, wholeDocuments), CatalogueDocument.class);
            boolean more = response.hits().hits().size() > first;
            String nextPit = response.pitId() != null ? response.pitId()
                    : more && parts.cursors() ? openPointInTime() : null;
            return page(response, first, nextPit);
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
                                  Cursors.Cursor cursor, CatalogueParts parts, boolean wholeDocuments) {
        String pit = cursor == null ? null : cursor.pointInTime();
        return SearchRequest.of(s -> {
            if (pit != null) {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(POINT_IN_TIME_KEEP_ALIVE)));
            } else {
                s.index(index.alias());
            }
            s.size(first + 1)
             .trackTotalHits(t -> t.enabled(parts.totalCount()))
             .query(query)
             .sort(sorting);
            if (!wholeDocuments) {
                s.source(programSource(parts));
            }
            if (highlight != null) {
                s.highlight(h -> h.type(HighlighterType.FastVector).highlightQuery(highlight)
                                  .preTags("<em>").postTags("</em>")
                                  .fields("name", f -> f.numberOfFragments(0))
                                  .fields("summary", f -> f.numberOfFragments(0))
                                  .fields("description", f -> f.numberOfFragments(2).fragmentSize(120)));
            }
            FACETS.stream().filter(parts.facets()::contains).forEach(facet -> s.aggregations(facet, a -> a.terms(
                    t -> t.field(FACET_FIELDS.get(facet)).size(30))));
            if (cursor != null) {
                s.searchAfter(cursor.sortValues());
            }
            return s;
        });
    }

    private String openPointInTime() throws IOException {
        return client.openPointInTime(o -> o.index(index.alias()).keepAlive(k -> k.time(POINT_IN_TIME_KEEP_ALIVE)))
                     .id();
    }

    /**
     * Relevance blends the text score with popularity, so that a fresh copy of a popular program does not outrank
     * it on equal text: {@code score = text × (1 + 0.15·ln(2 + installs) + 0.1·bayesianRating)}, where the
     * Bayesian rating ({@link Popularity}) lies between 1 and 5. The multiplier ranges from about 1.2 (new, unrated)
     * to about 3 (10,000 installs, five stars), small enough that a much better text match (and above all the exact
     * name, boosted 100×) still wins. Other sorts ignore the text score's blend.
     */
    private static Query ranked(Query query, CatalogueSort sort) {
        if (sort != CatalogueSort.RELEVANCE) {
            return query;
        }
        return Query.of(q -> q.functionScore(fs -> fs
                .query(query)
                .functions(f -> f.weight(1.0))
                .functions(f -> f.fieldValueFactor(v -> v.field("installCount")
                                                         .modifier(FieldValueFactorModifier.Ln2p).missing(0.0))
                                 .weight(0.15))
                .functions(f -> f.fieldValueFactor(v -> v.field("ratingBayesian").missing(Popularity.PRIOR_MEAN))
                                 .weight(0.1))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    private static Query query(BoolQuery.Builder bool, String text, CatalogueFilter filter) {
        if (filter.categories() != null && !filter.categories().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("category").terms(v -> v.value(
                    filter.categories().stream().map(c -> FieldValue.of(c.name())).toList()))));
        }
        if (filter.tags() != null && !filter.tags().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("tags").terms(v -> v.value(
                    filter.tags().stream().map(FieldValue::of).toList()))));
        }
        if (filter.permissions() != null && !filter.permissions().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("permissions").terms(v -> v.value(
                    filter.permissions().stream().map(p -> FieldValue.of(p.name())).toList()))));
        }
        if (!text.isEmpty()) {
            bool.should(allWordsWithTypos(text, "name^4", "summary^2", "description", "tags.text^2"))
                .should(s -> s.term(t -> t.field("developerId").value(text)))
                .should(asYouType(text))
                .should(s -> s.term(t -> t.field("name.exact").value(text.toLowerCase(Locale.ROOT)).boost(100f)))
                .should(s -> s.matchPhrase(m -> m.field("name").query(text).boost(10f)))
                .minimumShouldMatch("1");
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * What the highlights mark: the words found in the three highlighted fields, typos allowed, and the name's
     * phrase and as-you-type matches. Highlighting rewrites every fuzzy query against the index once per field, so
     * this query leaves out the fields that are never highlighted, the filters and the scoring functions; with the
     * term vectors the mappings keep for these fields, the fast vector highlighter then costs a few milliseconds
     * where the unified one spent most of a search rebuilding the typo automata for every hit and field.
     * Null (nothing highlighted) without text or when the caller does not read highlights.
     */
    private static Query highlightQuery(CatalogueRequest request, CatalogueParts parts) {
        String text = textOf(request);
        if (text.isEmpty() || !parts.highlights()) {
            return null;
        }
        return Query.of(q -> q.bool(b -> b.should(allWordsWithTypos(text, "name", "summary", "description"))
                                          .should(asYouType(text))
                                          .should(s -> s.matchPhrase(m -> m.field("name").query(text)))));
    }

    private static Query allWordsWithTypos(String text, String... fields) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(List.of(fields)).type(TextQueryType.BestFields)
                                                .operator(Operator.And).fuzziness("AUTO").prefixLength(0)));
    }

    private static Query asYouType(String text) {
        return Query.of(q -> q.matchBoolPrefix(m -> m.field("name").query(text).operator(Operator.And)));
    }

    private static List<SortOptions> sorting(CatalogueSort sort) {
        List<SortOptions> sorting = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> {
                sorting.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
                sorting.add(desc("installCount"));
            }
            case INSTALLS -> sorting.add(desc("installCount"));
            case RATING -> {
                sorting.add(desc("ratingBayesian"));
                sorting.add(desc("ratingCount"));
            }
            case NEWEST -> sorting.add(desc("releasedAt"));
        }
        sorting.add(ascending("id"));
        return sorting;
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    private static SortOptions desc(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Desc).missing("_last")));
    }

    private static CataloguePage page(SearchResponse<CatalogueDocument> response, int first, String pit) {
        List<Hit<CatalogueDocument>> hits = response.hits().hits();
        List<CataloguePage.Hit> page = hits.stream().limit(first)
                .map(h -> new CataloguePage.Hit(h.source(), Cursors.encode(pit, h.sort()), h.highlight())).toList();
        Map<String, List<CataloguePage.Facet>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
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
