package dev.marketplace.query.timetravel;

/**
 * How well one ranking placed the programs people installed from their searches.
 *
 * @param installs           the searches followed by an install that were replayed
 * @param meanReciprocalRank the mean of 1 / the installed program's place (0 when it was not in the first 100)
 * @param top3Share          the share of those installs whose program the ranking put in the first 3
 */
public record BacktestFigures(long installs, double meanReciprocalRank, double top3Share, double top10Share) {
}
