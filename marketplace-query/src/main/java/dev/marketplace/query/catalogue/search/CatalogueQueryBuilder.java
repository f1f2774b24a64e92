package dev.marketplace.query.catalogue.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.index.Popularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What a catalogue search asks Elasticsearch: which programs match (text matching, filters), how they rank
 * ({@link RankingWeights}), what the highlights mark and how each sort orders them.
 * <p>
 * Text matching: a program matches when all words of the query occur in one of its text fields, allowing typos
 * (fuzziness AUTO), when the query is its developer's id, or when the query is a prefix of its name
 * (as-you-type). A name equal to the query (case-insensitive) gets a boost that puts it first; a phrase match on
 * the name gets a smaller one, which keeps Chinese names precise (the standard analyzer splits ideographs into
 * single-character terms).
 */
@Component
class CatalogueQueryBuilder {

    static final int MAX_QUERY_LENGTH = 200;

    /** The weights in force ({@link RankingWeightsInForce}), asked at every search: an admin may change them. */
    private final Supplier<RankingWeights> weights;

    CatalogueQueryBuilder(Supplier<RankingWeights> weights) {
        this.weights = weights;
    }

    static CatalogueSort sortOf(CatalogueRequest request) {
        return request.sort() == null ? CatalogueSort.RELEVANCE : request.sort();
    }

    private static String textOf(CatalogueRequest request) {
        String text = request.text() == null ? "" : request.text().strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw RuleViolation.invalid("query", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return text;
    }

    /** The query of a catalogue search: live programs, the filter, the text and, sorted by relevance, the ranking. */
    Query catalogue(CatalogueRequest request) {
        return catalogue(request, weights.get());
    }

    /** The same with other weights than those in force: the catalogue as it ranked at another time. */
    Query catalogue(CatalogueRequest request, RankingWeights weights) {
        String text = textOf(request);
        CatalogueFilter filter = request.filter() == null ? CatalogueFilter.NONE : request.filter();
        BoolQuery.Builder scope = new BoolQuery.Builder();
        scope.filter(f -> f.term(t -> t.field("status").value(ProgramStatus.LIVE.name())));
        return ranked(query(scope, text, filter, weights), sortOf(request), weights);
    }

    /**
     * Relevance blends the text score with popularity, so that a fresh copy of a popular program does not outrank
     * it on equal text: {@code score = text × (1 + installs·ln(2 + installs) + rating·bayesianRating)} with the
     * {@link RankingWeights}, where the Bayesian rating ({@link Popularity}) lies between 1 and 5. With the default
     * weights the multiplier ranges from about 1.2 (new, unrated) to about 3 (10,000 installs, five stars), small
     * enough that a much better text match (and above all the exact name, boosted 100×) still wins. Other sorts
     * ignore the text score's blend.
     */
    private static Query ranked(Query query, CatalogueSort sort, RankingWeights weights) {
        if (sort != CatalogueSort.RELEVANCE) {
            return query;
        }
        return Query.of(q -> q.functionScore(fs -> fs
                .query(query)
                .functions(f -> f.weight(1.0))
                .functions(f -> f.fieldValueFactor(v -> v.field("installCount")
                                                         .modifier(FieldValueFactorModifier.Ln2p).missing(0.0))
                                 .weight(weights.installs()))
                .functions(f -> f.fieldValueFactor(v -> v.field("ratingBayesian").missing(Popularity.PRIOR_MEAN))
                                 .weight(weights.rating()))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    private static Query query(BoolQuery.Builder bool, String text, CatalogueFilter filter, RankingWeights weights) {
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
                // Every language's text: an English listing is found by its Chinese translation and the reverse.
                .should(allWordsWithTypos(text, "translations.name^4", "translations.summary^2",
                                          "translations.description"))
                .should(s -> s.term(t -> t.field("translations.name.exact").value(text.toLowerCase(Locale.ROOT))
                                          .boost(weights.exactName())))
                .should(s -> s.matchPhrase(m -> m.field("translations.name").query(text).boost(weights.phrase())))
                .should(s -> s.term(t -> t.field("developerId").value(text)))
                .should(asYouType(text))
                .should(s -> s.term(t -> t.field("name.exact").value(text.toLowerCase(Locale.ROOT)).boost(weights.exactName())))
                .should(s -> s.matchPhrase(m -> m.field("name").query(text).boost(weights.phrase())))
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
    static Query highlight(CatalogueRequest request, CatalogueParts parts) {
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

    static List<SortOptions> sorting(CatalogueSort sort) {
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

    static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    static SortOptions desc(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Desc).missing("_last")));
    }
}
