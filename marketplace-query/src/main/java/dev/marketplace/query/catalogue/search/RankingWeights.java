package dev.marketplace.query.catalogue.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalogue's relevance sort weighs popularity and exact matches against the text score (Open VSX keeps
 * its search's weights in configuration the same way): {@code score = text × (1 + installs·ln(2 + install count)
 * + rating·Bayesian rating)}, with a name equal to the query boosted {@code exactName} times and a phrase match on
 * the name {@code phrase} times.
 *
 * @param installs  weight of ln(2 + installs); at 0.15 the popularity multiplier stays between about 1.2 and 3
 * @param rating    weight of the Bayesian rating (1 to 5 stars)
 * @param exactName boost of a name equal to the query (case-insensitive): enough to put it first
 * @param phrase    boost of a phrase match on the name, which keeps Chinese names precise
 */
@ConfigurationProperties("marketplace.catalogue.ranking")
public record RankingWeights(@DefaultValue("0.15") double installs,
                             @DefaultValue("0.1") double rating,
                             @DefaultValue("100") float exactName,
                             @DefaultValue("10") float phrase) {
}
