package dev.marketplace.app.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Installs, uninstalls and ratings of one program by many users at the same moment commit in an order that differs
 * from their positions in the event stream. The catalogue must still end with every figure equal to the rows the
 * write side holds and to what a replay of the event store gives, every round.
 */
@MarketplaceIntegrationTest
class ConcurrentPopularityTest extends MarketplaceClientTest {

    private static final int ROUNDS = 20;
    private static final int USERS = 50;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogueReplays replays;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(USERS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void concurrentInstallsUninstallsAndRatingsLeaveEveryFigureEqualToTheRowsAndToAReplay() throws Exception {
        Map<String, Figures> expected = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String program = marketplace.publish("dev-busy", "Busy Counter " + round + " " + System.nanoTime());
            marketplace.install("early-" + round, program);
            marketplace.install("early-" + round, program);
            expected.put(program, race(round, program));
        }

        expected.forEach((program, figures) -> {
            assertThat(installRows(program)).as("installations stored for %s", program)
                                            .isEqualTo(figures.installs());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(figures(program)).as("catalogue figures of %s", program).isEqualTo(figures));
        });

        replays.replay();
        await().atMost(Duration.ofSeconds(60)).until(replays::isCaughtUp);
        expected.forEach((program, figures) -> await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(figures(program)).as("figures of %s after a replay", program).isEqualTo(figures)));
    }

    /**
     * Fifty users act on the program at once: each installs; every fifth then rates it, and of the others every
     * fifth uninstalls again. Returns the figures the program must end with (the early user's install included).
     */
    private Figures race(int round, String program) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        long[] histogram = new long[5];
        int installs = 1;
        for (int i = 0; i < USERS; i++) {
            String user = "busy-" + round + "-" + i;
            int stars = i / 5 % 5 + 1;
            boolean rates = i % 5 == 0;
            boolean uninstalls = i % 5 == 1;
            if (rates) {
                histogram[stars - 1]++;
            }
            installs += uninstalls ? 0 : 1;
            calls.add(pool.submit(() -> {
                start.await();
                if (rates) {
                    marketplace.rate(user, program, stars, null);
                } else {
                    marketplace.install(user, program);
                }
                if (uninstalls) {
                    marketplace.as(user, Role.USER).documentName("uninstallMiniProgram").variable("id", program)
                               .execute().path("uninstallMiniProgram.installed").entity(Boolean.class)
                               .isEqualTo(false);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        return Figures.of(installs, histogram);
    }

    private long installRows(String program) {
        return jdbc.queryForObject("select count(*) from installation where program_id = ?", Long.class, program);
    }

    private Figures figures(String program) {
        HttpGraphQlTester.Response response = marketplace.anonymous().documentName("popularity")
                                                          .variable("id", program).execute();
        long installs = response.path("miniProgram.installCount").entity(Long.class).get();
        List<Long> histogram = response.path("miniProgram.rating.histogram").entityList(Long.class).get();
        double average = response.path("miniProgram.rating.average").entity(Double.class).get();
        long count = response.path("miniProgram.rating.count").entity(Long.class).get();
        return new Figures(installs, count, average, histogram);
    }

    record Figures(long installs, long ratings, double average, List<Long> histogram) {

        static Figures of(long installs, long[] histogram) {
            long count = 0;
            long stars = 0;
            for (int i = 0; i < histogram.length; i++) {
                count += histogram[i];
                stars += (i + 1) * histogram[i];
            }
            double average = count == 0 ? 0 : (double) stars / count;
            return new Figures(installs, count, average, List.of(histogram[0], histogram[1], histogram[2],
                                                                 histogram[3], histogram[4]));
        }
    }
}
