package dev.marketplace.query.catalogue;

import java.util.List;

/** How often a program is installed and how it is rated; histogram holds the one- to five-star counts. */
public record Popularity(long installCount, double ratingAverage, long ratingCount, List<Long> ratingHistogram) {

    public static final Popularity NONE = new Popularity(0, 0, 0, CatalogueDocument.NO_RATINGS);

    static Popularity of(CatalogueDocument document) {
        return new Popularity(document.installCount(), document.ratingAverage(), document.ratingCount(),
                              document.ratingHistogram());
    }
}
