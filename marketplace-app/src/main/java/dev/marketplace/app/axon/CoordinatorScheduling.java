package dev.marketplace.app.axon;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every pooled processor's coordinator looks again soon when its work packages' buffers were full, instead of 100 ms
 * later.
 *
 * <p>Axon's coordinator reads events into a buffer per work package of at most 1,024 events (the package's own and
 * the other segments', which it skips). When a buffer is full it schedules its next look {@value #AXON_FULL_BUFFERS_MS}
 * ms later, a fixed delay, and nothing calls it back earlier. A work package handles its buffer in one batch, usually
 * in well under that, and then waits for the coordinator: in the benchmark's rebuilds the catalogue's threads were
 * idle most of the time and every rebuild stayed near 1,024 events per 100 ms, about 10,000 events a second, however
 * fast the machine (BENCHMARKS.md). Here that one delay is shortened to {@link #FULL_BUFFERS_LOOK}; the coordinator
 * then refills a buffer while its package handles the batch before. Every other delay the coordinator asks for (a
 * claim interval, an error back-off, the wait for new events) is kept: each is longer than Axon's 100 ms.
 */
@Configuration
class CoordinatorScheduling {

    /** The delay Axon 4's coordinator waits when a work package's buffer is full. */
    static final long AXON_FULL_BUFFERS_MS = 100;
    /** How soon the coordinator looks again instead; a look that finds the buffers full costs a walk of each. */
    static final Duration FULL_BUFFERS_LOOK = Duration.ofMillis(5);

    /** The coordinators' executors by processor name, as created. */
    private final Map<String, CoordinatorExecutor> executors = new ConcurrentHashMap<>();

    @Bean
    ConfigurerModule coordinatorsLookAgainSoon() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.coordinatorExecutor(name -> {
                    CoordinatorExecutor executor = new CoordinatorExecutor(name);
                    configuration.onShutdown(executor::shutdown);
                    executors.put(name, executor);
                    return executor;
                }));
    }

    /** The executor running the named processor's coordinator; null when the processor has none (not pooled). */
    CoordinatorExecutor executorOf(String processor) {
        return executors.get(processor);
    }

    /** A coordinator's single thread, named as Axon names it, which shortens the full-buffers delay only. */
    static final class CoordinatorExecutor extends ScheduledThreadPoolExecutor {

        CoordinatorExecutor(String processor) {
            super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return super.schedule(command, delayNanos(unit.toNanos(delay)), TimeUnit.NANOSECONDS);
        }

        /** The delay in nanoseconds the coordinator really waits for one it asked for. */
        static long delayNanos(long askedNanos) {
            boolean fullBuffers = askedNanos > 0 && askedNanos <= TimeUnit.MILLISECONDS.toNanos(AXON_FULL_BUFFERS_MS);
            return fullBuffers ? Math.min(askedNanos, FULL_BUFFERS_LOOK.toNanos()) : askedNanos;
        }
    }
}
