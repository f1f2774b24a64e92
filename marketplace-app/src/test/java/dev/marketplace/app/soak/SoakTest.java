package dev.marketplace.app.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A soak of mixed reads and writes at a fixed arrival rate (open model: a slow answer does not slow the load, and
 * latency counts from the intended send time). Per minute it prints requests, errors, p50/p99 latency and heap
 * after GC, then checks that errors stay at zero and that latency and memory at the end are in line with the
 * start. Runs in the {@code soak} profile; {@code -Dsoak.minutes} and {@code -Dsoak.rate} (requests per second)
 * size it.
 */
@Tag("soak")
@MarketplaceIntegrationTest
class SoakTest extends MarketplaceClientTest {

    static final int MINUTES = Integer.getInteger("soak.minutes", 10);
    static final int RATE = Integer.getInteger("soak.rate", 40);

    @LocalServerPort
    int port;

    record Sample(long minute, long micros, boolean ok) {
    }

    @Test
    void mixedLoadHoldsErrorsLatencyAndMemoryFlat() throws Exception {
        List<String> programs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            programs.add(marketplace.publish("soak-dev-" + (i % 4), "Soak Program " + i));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        List<long[]> heapByMinute = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime();
        long periodMicros = 1_000_000L / RATE;

        clock.scheduleAtFixedRate(() -> {
            long intended = System.nanoTime();
            long minute = (intended - start) / 60_000_000_000L;
            int n = sequence.incrementAndGet();
            http.sendAsync(request(n, programs), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                boolean ok = e == null && r.statusCode() == 200 && !r.body().contains("\"errors\"");
                samples.add(new Sample(minute, (System.nanoTime() - intended) / 1000, ok));
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        for (int m = 1; m <= MINUTES; m++) {
            long due = start + m * 60_000_000_000L;
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                   .until(() -> System.nanoTime() >= due);
            System.gc();
            heapByMinute.add(new long[] {m, memory.getHeapMemoryUsage().getUsed() / (1024 * 1024)});
        }
        clock.shutdownNow();

        List<long[]> report = new ArrayList<>();
        System.out.println("SOAK minute requests errors p50_ms p99_ms heap_after_gc_mb (rate " + RATE + "/s)");
        for (int m = 0; m < MINUTES; m++) {
            final long minute = m;
            List<Sample> inMinute = samples.stream().filter(s -> s.minute() == minute).toList();
            long[] latencies = inMinute.stream().mapToLong(Sample::micros).sorted().toArray();
            long errors = inMinute.stream().filter(s -> !s.ok()).count();
            long p50 = percentile(latencies, 50) / 1000;
            long p99 = percentile(latencies, 99) / 1000;
            long heap = heapByMinute.get(m)[1];
            report.add(new long[] {inMinute.size(), errors, p50, p99, heap});
            System.out.printf("SOAK %d %d %d %d %d %d%n", m + 1, inMinute.size(), errors, p50, p99, heap);
        }

        long[] first = report.get(Math.min(1, report.size() - 1));
        long[] last = report.get(report.size() - 1);
        assertThat(report).allSatisfy(minute -> assertThat(minute[1]).as("errors in a minute").isZero());
        assertThat(last[3]).as("p99 ms in the last minute vs the second").isLessThanOrEqualTo(
                Math.max(3 * first[3], first[3] + 100));
        assertThat(last[4]).as("heap after GC in MB, last minute vs the second").isLessThanOrEqualTo(
                first[4] + 150);
    }

    private HttpRequest request(int n, List<String> programs) {
        String program = programs.get(n % programs.size());
        String user = "soak-user-" + (n % 500);
        String body;
        String token = null;
        switch (n % 10) {
            case 0 -> {
                token = Tokens.forUser(user, Role.USER);
                body = "{\"query\":\"mutation { installMiniProgram(id: \\\"" + program + "\\\") { installed } }\"}";
            }
            case 1 -> {
                token = Tokens.forUser("soak-dev-" + (n % 4), Role.DEVELOPER);
                body = "{\"query\":\"mutation { registerMiniProgram(input: {name: \\\"Soak New " + n
                       + "\\\", summary: \\\"s\\\", category: TOOLS}) { id } }\"}";
            }
            case 2 -> body = "{\"query\":\"{ miniProgram(id: \\\"" + program + "\\\") { name installCount } }\"}";
            case 3 -> body = "{\"query\":\"{ suggest(prefix: \\\"soak\\\") }\"}";
            default -> body = "{\"query\":\"{ catalogue(query: \\\"soak progrm " + (n % 20)
                              + "\\\", first: 10) { totalCount edges { node { id name } } facets { "
                              + "categories { value count } } } }\"}";
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
