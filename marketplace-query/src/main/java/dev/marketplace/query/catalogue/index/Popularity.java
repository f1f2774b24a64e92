package dev.marketplace.query.catalogue.index;

import java.util.Arrays;
import java.util.List;

/**
 * How often a program is installed and how it is rated: histogram holds the visible one- to five-star counts.
 * <p>
 * {@code ratingBayesian} is the Bayesian average used for ranking (the approach addons.mozilla.org takes): the
 * plain average pulled towards a prior of {@value #PRIOR_MEAN} stars as if every program had
 * {@value #PRIOR_WEIGHT} extra ratings of that value, so a single five-star rating does not outrank a hundred
 * four-and-a-half-star ones: {@code (PRIOR_WEIGHT * PRIOR_MEAN + sum of stars) / (PRIOR_WEIGHT + count)}.
 */
public record Popularity(long installCount, double ratingAverage, long ratingCount, List<Long> ratingHistogram,
                         double ratingBayesian) {

    public static final double PRIOR_MEAN = 3.5;
    public static final double PRIOR_WEIGHT = 5;
    public static final Popularity NONE = of(0, new long[5]);

    public static Popularity of(long installs, long[] histogram) {
        long count = Arrays.stream(histogram).sum();
        double sum = 0;
        for (int stars = 1; stars <= 5; stars++) {
            sum += stars * histogram[stars - 1];
        }
        return new Popularity(installs, count == 0 ? 0 : sum / count, count,
                              Arrays.stream(histogram).boxed().toList(),
                              (PRIOR_WEIGHT * PRIOR_MEAN + sum) / (PRIOR_WEIGHT + count));
    }

    public static Popularity of(CatalogueDocument document) {
        return new Popularity(document.installCount(), document.ratingAverage(), document.ratingCount(),
                              document.ratingHistogram(), document.ratingBayesian());
    }
}
