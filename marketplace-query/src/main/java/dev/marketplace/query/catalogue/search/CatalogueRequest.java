package dev.marketplace.query.catalogue.search;

/** One page of a catalogue search; {@code after} is the cursor of the last hit of the previous page. */
public record CatalogueRequest(String text, CatalogueFilter filter, CatalogueSort sort, int first, String after) {
}
