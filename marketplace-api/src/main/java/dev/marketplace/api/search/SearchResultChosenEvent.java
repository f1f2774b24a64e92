package dev.marketplace.api.search;

import org.axonframework.serialization.Revision;

/** What the searcher did next: opened or installed the program shown at {@code position} (1 = first). */
@Revision("1")
public record SearchResultChosenEvent(String searchId, String searcher, String programId, int position,
                                      SearchAction action) {
}
