package dev.marketplace.query.catalogue.search;

import dev.marketplace.query.shared.Viewer;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The relevance weights in force, for the admin page that changes and backtests them. */
@Controller
record RankingQueries(RankingWeightsInForce inForce) {

    @QueryMapping
    RankingWeights rankingWeights() {
        Viewer.admin();
        return inForce.get();
    }
}
