package dev.marketplace.api.ranking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts new relevance weights in force for every catalogue search from now on (ADMIN). */
public record SetRankingWeightsCommand(@TargetAggregateIdentifier String rankingId, RankingWeightsValues weights) {
}
