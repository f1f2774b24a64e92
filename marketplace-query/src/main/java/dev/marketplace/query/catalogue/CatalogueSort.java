package dev.marketplace.query.catalogue;

public enum CatalogueSort {
    RELEVANCE,
    INSTALLS,
    RATING,
    NEWEST
}
