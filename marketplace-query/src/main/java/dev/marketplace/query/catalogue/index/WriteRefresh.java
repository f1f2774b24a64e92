package dev.marketplace.query.catalogue.index;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what the catalogue's projection wrote searchable soon after it wrote it, instead of at the index's next
 * periodic refresh. Elasticsearch refreshes an index a fixed interval after its last refresh ended, so a write waits
 * on average half an interval and then the refresh itself; under load that was most of a release's way into search
 * results (BENCHMARKS.md, "Freshness"). Here each write asks for a refresh; a refresh starts at once when the last
 * one started at least {@code gap} ago, otherwise when that much time has passed, and all writes asked for in the
 * meantime share it. So a busy projection refreshes at most once per gap, an idle one not at all, and a write is
 * searchable within the gap plus one refresh. Refreshes run one at a time on a thread of their own: the projection
 * never waits for one, and a failed one (Elasticsearch unreachable) is left to the next write or the periodic
 * refresh.
 */
public final class WriteRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteRefresh.class);

    private final Runnable refresh;
    private final long gapNanos;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService executor;
    /** A refresh is scheduled and has not started yet: a write asked for now is covered by it. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When the last refresh started; at first one gap ago, so the first write refreshes at once. */
    private volatile long lastStart;

    /** Refreshes with {@code refresh} at most once per {@code gap}; zero never refreshes (periodic only). */
    public WriteRefresh(Runnable refresh, Duration gap) {
        this(refresh, gap, System::nanoTime);
    }

    WriteRefresh(Runnable refresh, Duration gap, LongSupplier nanoTime) {
        if (gap == null || gap.isNegative()) {
            throw new IllegalArgumentException("marketplace.catalogue.write-refresh-gap must be zero (off) or a"
                                               + " positive duration, was " + gap);
        }
        this.refresh = refresh;
        this.gapNanos = gap.toNanos();
        this.nanoTime = nanoTime;
        this.lastStart = nanoTime.getAsLong() - gapNanos;
        this.executor = gap.isZero() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "catalogue-write-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The projection has written: what it wrote becomes searchable with the next refresh this schedules. */
    public void written() {
        if (executor == null || !scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastStart + gapNanos - nanoTime.getAsLong());
        try {
            executor.schedule(this::run, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            scheduled.set(false);
        }
    }

    private void run() {
        // Cleared before the refresh starts: a write made during it may miss it, and so schedules the next one.
        scheduled.set(false);
        lastStart = nanoTime.getAsLong();
        try {
            refresh.run();
        } catch (RuntimeException e) {
            log.debug("A refresh of the catalogue after a write failed; the next write or the periodic refresh makes"
                      + " it searchable: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
