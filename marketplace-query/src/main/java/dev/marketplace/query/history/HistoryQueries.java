package dev.marketplace.query.history;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.history.HistoryConnection.Edge;
import dev.marketplace.query.graphql.Connections.PageInfo;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The audit trail of a program and its listing as of an instant. */
@Controller
class HistoryQueries {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final ProgramHistory history;

    HistoryQueries(ProgramHistory history) {
        this.history = history;
    }

    @QueryMapping
    HistoryConnection history(@Argument String miniProgramId, @Argument Integer first, @Argument String after) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > MAX_PAGE) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_PAGE + ", not " + size);
        }
        long from = after == null ? 0 : HistoryCursor.decode(after) + 1;
        HistoryPage page = history.page(miniProgramId, from, size);
        List<Edge> edges = page.entries().stream().map(e -> new Edge(e, HistoryCursor.encode(e.sequence()))).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new HistoryConnection(edges, new PageInfo(page.hasNextPage(), endCursor));
    }

    @QueryMapping
    MiniProgramView miniProgramAsOf(@Argument String id, @Argument Instant at) {
        return history.asOf(id, at).orElse(null);
    }
}
