package dev.marketplace.app.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * CPU time used by each of the three processes that share the machine: the benchmark's JVM (the marketplace, with
 * the load generator in it), Elasticsearch (its own node statistics) and PostgreSQL (every {@code postgres}
 * process in {@code /proc} and the children it has reaped, at Linux's usual 100 clock ticks a second). Divided by
 * the operations done between two readings, it says where an operation's CPU goes.
 */
final class CpuMeter {

    /**
     * CPU milliseconds used so far: the JVM's, and of that its JIT compiler threads' ({@code /proc/self/task}; -1
     * where it cannot be read), Elasticsearch's and PostgreSQL's (-1 where {@code /proc} shows no postgres process).
     */
    record Reading(double jvm, double jit, double elasticsearch, double postgres) {
    }

    private static final double MILLIS_PER_TICK = 10;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Supplier<String> nodeStats;

    /** @param nodeStats answers Elasticsearch's {@code _nodes/stats/process} */
    CpuMeter(Supplier<String> nodeStats) {
        this.nodeStats = nodeStats;
    }

    Reading read() {
        return new Reading(os.getProcessCpuTime() / 1e6, jit(), elasticsearch(), postgres());
    }

    /**
     * "a ms JVM (b ms of it the JIT's), c ms Elasticsearch, d ms PostgreSQL" of CPU per operation between the two
     * readings.
     */
    static String perOperation(Reading before, Reading after, long operations) {
        double n = Math.max(1, operations);
        return String.format(Locale.ROOT, "%.2f ms JVM (%s ms of it the JIT's compiler threads), %.2f ms "
                             + "Elasticsearch, %s ms PostgreSQL", (after.jvm() - before.jvm()) / n,
                             known(before.jit(), after.jit(), n), (after.elasticsearch() - before.elasticsearch()) / n,
                             known(before.postgres(), after.postgres(), n));
    }

    /** The JVM's CPU milliseconds per operation without its JIT compiler threads'; NaN where those are unknown. */
    static double withoutJit(Reading before, Reading after, long operations) {
        if (before.jit() < 0 || after.jit() < 0) {
            return Double.NaN;
        }
        return (after.jvm() - before.jvm() - (after.jit() - before.jit())) / Math.max(1, operations);
    }

    private static String known(double before, double after, double operations) {
        return before < 0 || after < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (after - before) / operations);
    }

    /**
     * CPU milliseconds of this JVM's JIT compiler threads, which HotSpot names "C1 CompilerThread..." and "C2
     * CompilerThread..." (Linux keeps 15 characters of a thread's name); -1 where {@code /proc} cannot tell. A
     * compiler thread that ended took its ticks with it, so this counts the live ones only.
     */
    private static double jit() {
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            return threads.mapToLong(t -> ticks(t, name -> name.startsWith("C1 CompilerThre")
                                                           || name.startsWith("C2 CompilerThre"), false))
                          .filter(t -> t >= 0).sum() * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Elasticsearch's CPU milliseconds, as of a moment after this call began: the node caches its process
     * statistics for a second ({@code monitor.process.refresh_interval}), so the statistics are read again until
     * they are newer than the call.
     */
    private double elasticsearch() {
        long asked = System.currentTimeMillis();
        double[] total = new double[1];
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
               .until(() -> {
                   total[0] = 0;
                   long oldest = Long.MAX_VALUE;
                   for (JsonNode node : GraphQl.tree(nodeStats.get()).path("nodes")) {
                       total[0] += node.at("/process/cpu/total_in_millis").asLong();
                       oldest = Math.min(oldest, node.at("/process/timestamp").asLong());
                   }
                   return oldest != Long.MAX_VALUE && oldest >= asked;
               });
        return total[0];
    }

    /**
     * PostgreSQL's CPU milliseconds: its processes' own ticks and those of the children they have waited for, so
     * that backends which ended (their postmaster reaps them) still count; -1 without any postgres process.
     */
    private static double postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long[] ticks = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                                    .mapToLong(p -> ticks(p, "postgres"::equals, true)).filter(t -> t >= 0)
                                    .toArray();
            return ticks.length == 0 ? -1 : LongStream.of(ticks).sum() * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User and system ticks of a process or thread whose name {@code named} accepts, with those of the children it
     * has reaped when {@code reaped}; -1 for any other.
     */
    private static long ticks(Path process, Predicate<String> named, boolean reaped) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !named.test(stat.substring(open + 1, close))) {
                return -1;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // after the command come state (field 3) ... utime, stime, cutime, cstime (fields 14 to 17)
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
