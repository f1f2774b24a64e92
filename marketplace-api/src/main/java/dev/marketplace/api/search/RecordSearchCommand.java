package dev.marketplace.api.search;

import dev.marketplace.api.ranking.RankingWeightsValues;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keeps what a signed-in user searched and was shown, under a pseudonym, for ranking backtests. */
public record RecordSearchCommand(@TargetAggregateIdentifier String searchId, String searcher, String query,
                                  String filter, String sort, List<String> shownIds, RankingWeightsValues weights) {
}
