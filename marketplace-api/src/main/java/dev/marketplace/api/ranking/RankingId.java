package dev.marketplace.api.ranking;

/** The catalogue has one ranking configuration, one aggregate with this id, whose events are every change of it. */
public final class RankingId {

    public static final String CATALOGUE = "catalogue-ranking";

    private RankingId() {
    }
}
