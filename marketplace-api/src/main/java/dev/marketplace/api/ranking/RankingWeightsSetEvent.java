package dev.marketplace.api.ranking;

import org.axonframework.serialization.Revision;

/** The catalogue's relevance weights in force from this event's time on, until the next such event. */
@Revision("1")
public record RankingWeightsSetEvent(String rankingId, RankingWeightsValues weights) {
}
