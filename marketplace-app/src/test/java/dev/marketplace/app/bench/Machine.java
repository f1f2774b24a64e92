package dev.marketplace.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * The machine a run measured, and its one-minute load average sampled every second: the machine is shared, so
 * every figure is printed with the load it was taken under.
 */
final class Machine implements AutoCloseable {

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-load-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, long[]> collected = new HashMap<>();
    private volatile DoubleAccumulator low = new DoubleAccumulator(Math::min, Double.MAX_VALUE);
    private volatile DoubleAccumulator high = new DoubleAccumulator(Math::max, 0);

    Machine() {
        sampler.scheduleAtFixedRate(() -> {
            double load = os.getSystemLoadAverage();
            low.accumulate(load);
            high.accumulate(load);
        }, 0, 1, TimeUnit.SECONDS);
    }

    String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
               + os.getTotalMemorySize() / (1024 * 1024) + " MB memory, "
               + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", JDK "
               + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
               + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, collectors "
               + collectors().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }

    /**
     * What the JVM's collectors did since the last call, as "name: n collections, t ms" per collector. For G1 and
     * Parallel the time is pause time; for ZGC's "Cycles" collector it is concurrent time, its "Pauses" are pauses.
     */
    String collectionsSinceLastCall() {
        StringBuilder out = new StringBuilder();
        for (GarbageCollectorMXBean gc : collectors()) {
            long[] before = collected.getOrDefault(gc.getName(), new long[2]);
            long count = gc.getCollectionCount();
            long time = gc.getCollectionTime();
            collected.put(gc.getName(), new long[] {count, time});
            if (count > before[0]) {
                out.append(out.isEmpty() ? "" : "; ").append(gc.getName()).append(": ").append(count - before[0])
                   .append(" collections, ").append(time - before[1]).append(" ms");
            }
        }
        return out.isEmpty() ? "no collections" : out.toString();
    }

    private static List<GarbageCollectorMXBean> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans();
    }

    /** The lowest and highest one-minute load average since the last call, as "low-high". */
    String loadSinceLastCall() {
        double l = low.get();
        double h = high.get();
        low = new DoubleAccumulator(Math::min, Double.MAX_VALUE);
        high = new DoubleAccumulator(Math::max, 0);
        double now = os.getSystemLoadAverage();
        if (l == Double.MAX_VALUE) {
            l = now;
            h = now;
        }
        return String.format("%.1f-%.1f", l, h);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
