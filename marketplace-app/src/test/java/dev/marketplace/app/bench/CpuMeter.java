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

    /** CPU milliseconds used so far; PostgreSQL's is -1 where {@code /proc} shows no postgres process. */
    record Reading(double jvm, double elasticsearch, double postgres) {
    }

    private static final double MILLIS_PER_TICK = 10;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Supplier<String> nodeStats;

    /** @param nodeStats answers Elasticsearch's {@code _nodes/stats/process} */
    CpuMeter(Supplier<String> nodeStats) {
        this.nodeStats = nodeStats;
    }

    Reading read() {
        return new Reading(os.getProcessCpuTime() / 1e6, elasticsearch(), postgres());
    }

    /** "a ms JVM, b ms Elasticsearch, c ms PostgreSQL" of CPU per operation between the two readings. */
    static String perOperation(Reading before, Reading after, long operations) {
        double n = Math.max(1, operations);
        String postgres = before.postgres() < 0 || after.postgres() < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", (after.postgres() - before.postgres()) / n);
        return String.format(Locale.ROOT, "%.2f ms JVM, %.2f ms Elasticsearch, %s ms PostgreSQL",
                             (after.jvm() - before.jvm()) / n, (after.elasticsearch() - before.elasticsearch()) / n,
                             postgres);
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
                                    .mapToLong(CpuMeter::postgresTicks).filter(t -> t >= 0).toArray();
            return ticks.length == 0 ? -1 : LongStream.of(ticks).sum() * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User and system ticks of a {@code postgres} process and its reaped children; -1 for any other process. */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                return -1;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // after the command come state (field 3) ... utime, stime, cutime, cstime (fields 14 to 17)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                   + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
