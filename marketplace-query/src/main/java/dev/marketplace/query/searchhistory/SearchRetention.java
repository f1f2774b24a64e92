package dev.marketplace.query.searchhistory;

import dev.marketplace.query.shared.DaemonThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention deadline of recorded searches: every search, with what was chosen from it, is deleted from the
 * event store once {@link SearchHistoryProperties#retention()} has passed since it was made. Every node sweeps every
 * {@link SearchHistoryProperties#sweepEvery()}; the delete is the same whoever runs it, so no node needs to be the
 * one. Only events of the {@code SearchSession} aggregate are touched. Stored times are ISO-8601 text, which orders
 * like the instants to within the fraction of a second, immaterial against a retention of days.
 */
@Component
public class SearchRetention implements DisposableBean {

    static final String AGGREGATE_TYPE = "SearchSession";
    private static final Logger log = LoggerFactory.getLogger(SearchRetention.class);

    private final JdbcTemplate jdbc;
    private final SearchHistoryProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("search-history-retention"));

    SearchRetention(JdbcTemplate jdbc, SearchHistoryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        long every = properties.sweepEvery().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Deletes every recorded search whose retention has passed by {@code now}; how many events went. */
    public int sweep(Instant now) {
        Instant cutoff = now.minus(properties.retention());
        int deleted = jdbc.update("delete from domain_event_entry where type = ? and time_stamp < ?", AGGREGATE_TYPE,
                                  cutoff.toString());
        jdbc.update("delete from snapshot_event_entry where type = ? and time_stamp < ?", AGGREGATE_TYPE,
                    cutoff.toString());
        if (deleted > 0) {
            log.info("Deleted {} search-history events made before {}", deleted, cutoff);
        }
        return deleted;
    }

    private void sweepQuietly() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Search-history retention sweep failed; the next one tries again", e);
        }
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
