package dev.marketplace.api.search;

/** What a searcher did with a program a search showed. */
public enum SearchAction {
    OPENED, INSTALLED
}
