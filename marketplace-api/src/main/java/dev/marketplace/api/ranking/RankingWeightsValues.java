package dev.marketplace.api.ranking;

import dev.marketplace.api.rules.RuleViolation;

/**
 * The relevance weights of the catalogue's ranking: {@code score = text × (1 + installs·ln(2 + install count) +
 * rating·Bayesian rating)}, with a name equal to the query boosted {@code exactName} times and a phrase match on the
 * name {@code phrase} times.
 */
public record RankingWeightsValues(double installs, double rating, double exactName, double phrase) {

    public static final double MAX_POPULARITY = 5;
    public static final double MAX_BOOST = 1000;

    /**
     * Refuses weights outside their ranges (popularity and rating 0 to 5, the boosts 1 to 1,000, all finite), naming
     * the weight: none can make the ranking ignore the text or overflow the score.
     */
    public RankingWeightsValues requireWithinRanges(String field) {
        within(field + ".installs", installs, 0, MAX_POPULARITY);
        within(field + ".rating", rating, 0, MAX_POPULARITY);
        within(field + ".exactName", exactName, 1, MAX_BOOST);
        within(field + ".phrase", phrase, 1, MAX_BOOST);
        return this;
    }

    private static void within(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw RuleViolation.invalid(field, "must be between " + min + " and " + max + ", not " + value);
        }
    }
}
