package dev.marketplace.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used by each of the three processes that share the machine: the benchmark's JVM (the marketplace, with
 * the load generator in it), Elasticsearch (its own node statistics) and PostgreSQL (every {@code postgres}
 * process in {@code /proc}, at Linux's usual 100 clock ticks a second). Divided by the operations done between two
 * readings, it says where an operation's CPU goes.
 */
final class CpuMeter {

    /** CPU milliseconds used so far; PostgreSQL's is -1 where {@code /proc} cannot be read. */
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

    private double elasticsearch() {
        try {
            double total = 0;
            for (JsonNode node : GraphQl.JSON.readTree(nodeStats.get()).path("nodes")) {
                total += node.at("/process/cpu/total_in_millis").asLong();
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch's node statistics are not JSON", e);
        }
    }

    private static double postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToLong(CpuMeter::postgresTicks).sum() * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User and system ticks of a {@code postgres} process, 0 for any other or one that has gone. */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // after the command come state (field 3) ... utime (field 14) and stime (field 15)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
