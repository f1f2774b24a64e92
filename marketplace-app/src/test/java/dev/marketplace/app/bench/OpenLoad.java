package dev.marketplace.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives an operation from a fixed number of client threads. In the open model the operations are due at a fixed
 * arrival rate: client threads take the next due time from one shared schedule, and latency counts from the due
 * time, not from when a (possibly late) client got round to sending, so a slow answer cannot hide the requests it
 * delayed. With rate 0 the clients run closed-loop (each sends the next operation when its answer arrives), which
 * measures the most the system completes with that many clients.
 */
final class OpenLoad {

    /** One operation; returns false (or throws) when the system refused or failed it. */
    interface Operation {
        boolean run(long sequence) throws Exception;
    }

    record Result(Histogram latency, long completed, long errors, double seconds, double targetRate,
                  String firstError) {

        double perSecond() {
            return completed / seconds;
        }

        double p50() {
            return millis(50);
        }

        double p99() {
            return millis(99);
        }

        double max() {
            return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0;
        }

        private double millis(double percentile) {
            return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        /** The schedule was kept: errors are absent and at least 95% of the due operations completed. */
        boolean keptUp() {
            return errors == 0 && (targetRate <= 0 || perSecond() >= 0.95 * targetRate);
        }
    }

    private OpenLoad() {
    }

    static Result closed(int clients, Duration duration, Operation operation) {
        return run(clients, 0, duration, operation);
    }

    static Result open(int clients, double rate, Duration duration, Operation operation) {
        return run(clients, rate, duration, operation);
    }

    private static Result run(int clients, double rate, Duration duration, Operation operation) {
        Recorder recorder = new Recorder(3);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double periodNanos = rate > 0 ? 1e9 / rate : 0;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    long sequence = next.getAndIncrement();
                    long due = rate > 0 ? start + (long) (sequence * periodNanos) : System.nanoTime();
                    if (due >= end) {
                        return;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok;
                    try {
                        ok = operation.run(sequence);
                        if (!ok) {
                            firstError.compareAndSet(null, "operation " + sequence + " reported a failure");
                        }
                    } catch (Exception | AssertionError e) {
                        ok = false;
                        firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                    }
                    long now = System.nanoTime();
                    recorder.recordValue(Math.max(1, (now - due) / 1000));
                    completed.incrementAndGet();
                    lastCompletion.accumulateAndGet(now, Math::max);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        joinAll(threads, "the load");
        double seconds = Math.max(duration.toNanos(), lastCompletion.get() - start) / 1e9;
        return new Result(recorder.getIntervalHistogram(), completed.get(), errors.get(), seconds, rate,
                          firstError.get());
    }

    /** Waits for every thread of {@code work} to end; an interrupt ends the wait with an exception naming it. */
    static void joinAll(List<Thread> threads, String work) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + work + " ran", e);
            }
        }
    }
}
