package dev.marketplace.api.search;

import dev.marketplace.api.ranking.RankingWeightsValues;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A search a user made and the programs it showed, in order, ranked with {@code weights}. {@code searcher} is a
 * pseudonym (the same for all of one user's searches, never the user id); {@code filter} the filter as JSON text.
 * Deleted from the store when the retention has passed.
 */
@Revision("1")
public record SearchRecordedEvent(String searchId, String searcher, String query, String filter, String sort,
                                  List<String> shownIds, RankingWeightsValues weights) {
}
