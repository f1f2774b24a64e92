package dev.marketplace.query.history;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.history.HistoryConnection.Edge;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.shared.PageInfo;
import dev.marketplace.query.shared.ReaderLanguage;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The audit trail of a program and its listing as of an instant. */
@Controller
record HistoryQueries(ProgramHistory history, PopularityAsOf popularity, CursorSeal seal) {

    static final int MAX_PAGE = 200;

    /** The page size asked for (the schema gives the default); INVALID_INPUT on {@code first} out of bounds. */
    static int pageSize(int first) {
        int size = first;
        if (size < 1 || size > MAX_PAGE) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_PAGE + ", not " + size);
        }
        return size;
    }

    /** English sentences. */
    HistoryConnection history(String miniProgramId, int first, String after) {
        return history(miniProgramId, first, after, (String) null);
    }

    /**
     * {@code locale} picks the language of the summaries ("zh": Chinese; "en": English), by default the reader's
     * Accept-Language.
     */
    @QueryMapping
    HistoryConnection history(@Argument String miniProgramId, @Argument int first, @Argument String after,
                              @Argument String locale, GraphQLContext context) {
        return history(miniProgramId, first, after, ReaderLanguage.resolve(locale, context));
    }

    private HistoryConnection history(String miniProgramId, int first, String after, String language) {
        int size = pageSize(first);
        long from = after == null ? 0 : HistoryCursor.decode(seal, miniProgramId, after) + 1;
        HistoryPage page = history.page(miniProgramId, from, size,
                                        language == null ? null : Locale.forLanguageTag(language));
        List<Edge> edges = page.entries().stream()
                .map(e -> new Edge(e, HistoryCursor.encode(seal, miniProgramId, e.sequence()))).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new HistoryConnection(edges, new PageInfo(page.hasNextPage(), endCursor));
    }

    /**
     * The listing folded from the program's events up to {@code at}, carrying its install count and rating summary
     * of that instant as local context, which the MiniProgram fields answer with instead of today's figures.
     */
    @QueryMapping
    DataFetcherResult<MiniProgramView> miniProgramAsOf(@Argument String id, @Argument Instant at) {
        return history.asOf(id, at)
                      .map(program -> DataFetcherResult.<MiniProgramView>newResult().data(program)
                                                       .localContext(popularity.of(id, at)).build())
                      .orElse(null);
    }
}
