package dev.marketplace.app.metrics;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Samples every {@link SampledGauge} on one daemon thread, from start-up until shutdown. */
@Component
class GaugeSampling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GaugeSampling.class);

    private final List<SampledGauge> gauges;
    private final MetricsProperties properties;
    private volatile ScheduledExecutorService timer;

    GaugeSampling(List<SampledGauge> gauges, MetricsProperties properties) {
        this.gauges = gauges;
        this.properties = properties;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "metrics-sampling");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sampleEvery().toMillis();
        timer.scheduleWithFixedDelay(this::sampleAll, 0, every, TimeUnit.MILLISECONDS);
    }

    private void sampleAll() {
        for (SampledGauge gauge : gauges) {
            try {
                gauge.sample();
            } catch (RuntimeException failed) {
                // The database may be down; the gauge keeps its last sample and the health probes report the outage.
                log.debug("Sampling {} failed: {}", gauge.getClass().getSimpleName(), failed.toString());
            }
        }
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
