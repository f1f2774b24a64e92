package dev.marketplace.query.searchhistory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users' searches are recorded for ranking backtests.
 *
 * @param enabled       whether signed-in users' searches are recorded at all (each still may opt out)
 * @param retention     how long a recorded search and what was chosen from it are kept before they are deleted
 * @param sweepEvery    how often each node deletes what has passed its retention (a search lives at most this long
 *                      beyond it)
 * @param pseudonymKey  the key of the HMAC that turns a user id into the pseudonym searches are stored under; every
 *                      node needs the same, and changing it starts every user's history afresh
 */
@ConfigurationProperties("marketplace.search-history")
public record SearchHistoryProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("90d") Duration retention,
                                      @DefaultValue("1h") Duration sweepEvery,
                                      @DefaultValue("marketplace-development-pseudonym-key-change-me") String pseudonymKey) {

    public SearchHistoryProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("marketplace.search-history.retention must be positive");
        }
        if (pseudonymKey.length() < 16) {
            throw new IllegalArgumentException("marketplace.search-history.pseudonym-key needs at least 16 characters");
        }
    }
}
