package dev.marketplace.api.search;

/** A recorded choice as the mutation answers it. */
public record SearchChoiceView(String searchId, String miniProgramId, int position, SearchAction action) {
}
