package dev.marketplace.query.catalogue.search;

public enum CatalogueSort {
    RELEVANCE,
    INSTALLS,
    RATING,
    NEWEST
}
