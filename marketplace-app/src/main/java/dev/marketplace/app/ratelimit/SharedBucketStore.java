package dev.marketplace.app.ratelimit;

import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The buckets' table in PostgreSQL, or none ({@code proxyManager} null) where buckets stay in memory. One row per
 * user or address ever limited would pile up, so every minute the rows of buckets full again for a while go.
 */
final class SharedBucketStore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedBucketStore.class);
    private static final int SWEEP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager;
    private ScheduledExecutorService sweeper;

    SharedBucketStore(PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager) {
        this.proxyManager = proxyManager;
    }

    PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager() {
        return proxyManager;
    }

    @Override
    public synchronized void start() {
        if (proxyManager != null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rate-limit-sweep"));
            sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
        }
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }

    private void sweep() {
        try {
            int removed;
            do {
                removed = proxyManager.removeExpired(SWEEP_BATCH);
            } while (removed == SWEEP_BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not sweep expired rate-limit buckets; next try in a minute: {}", e.toString());
        }
    }
}
