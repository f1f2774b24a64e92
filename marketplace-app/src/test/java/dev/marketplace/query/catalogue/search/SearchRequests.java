package dev.marketplace.query.catalogue.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;

/**
 * The benchmark's way to the Elasticsearch request behind a catalogue search: it lives in the search package's
 * name on the test class path, so the request builder stays package-private in the query module.
 */
public final class SearchRequests {

    private SearchRequests() {
    }

    public static SearchRequest firstPage(CatalogueSearch search, CatalogueRequest request, CatalogueParts parts) {
        return search.firstPageRequest(request, parts);
    }
}
