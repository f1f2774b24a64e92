package dev.marketplace.query.timetravel;

import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.shared.Viewer;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Lets an admin start ranking backtests and read their progress and figures. */
@Controller
record RankingBacktestGraphQl(RankingBacktests backtests) {

    private static final int MAX_LISTED = 100;

    /** The mutation's input: candidate weights and the period whose searches are replayed. */
    record RankingBacktestInput(RankingWeightsValues weights, Instant from, Instant to) {
    }

    @MutationMapping
    RankingBacktest rankingBacktest(@Argument RankingBacktestInput input) {
        return backtests.start(input.weights(), input.from(), input.to(), Viewer.admin().userId());
    }

    @QueryMapping(name = "rankingBacktest")
    RankingBacktest oneBacktest(@Argument String id) {
        Viewer.admin();
        return backtests.find(id).orElse(null);
    }

    @QueryMapping
    List<RankingBacktest> rankingBacktests(@Argument int first) {
        Viewer.admin();
        if (first < 1 || first > MAX_LISTED) {
            throw RuleViolation.invalid("first", "must be between 1 and " + MAX_LISTED + ", not " + first);
        }
        return backtests.latest(first);
    }
}
