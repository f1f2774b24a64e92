package dev.marketplace.api.search;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The searcher opened or installed one of the programs a recorded search showed. */
public record ChooseSearchResultCommand(@TargetAggregateIdentifier String searchId, String searcher,
                                        String programId, SearchAction action) {
}
