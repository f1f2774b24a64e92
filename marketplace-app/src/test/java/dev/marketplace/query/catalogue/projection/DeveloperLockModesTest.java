package dev.marketplace.query.catalogue.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.app.support.TestDataSources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A catalogue batch that only registers programs for a developer holds the developer's row shared on PostgreSQL, so
 * two segments registering programs of one developer (nearly every pair of batches in a rebuild) do not wait for each
 * other; a batch that changes the developer's profile or badge still waits for a registration and a registration for
 * it, on PostgreSQL and on H2 (which locks exclusively), so the badge reaches every program of theirs.
 */
class DeveloperLockModesTest {

    /** A thread a segment (and one more): each transaction is bound to its own thread. */
    private final ExecutorService segments = Executors.newFixedThreadPool(3);
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private PopularityStore store;

    @AfterEach
    void dropTheTables() {
        segments.shutdownNow();
        if (store != null) {
            store.drop();
        }
    }

    @Test
    void registrationsOfOneDeveloperOnTwoSegmentsDoNotWaitForEachOtherOnPostgres() throws Exception {
        open(TestDataSources.postgres());
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<DeveloperView> first = holding(() -> registration("program-1"), commitFirst);

        DeveloperView second = CompletableFuture.supplyAsync(
                () -> transaction.execute(status -> registration("program-2")), segments).get(10, TimeUnit.SECONDS);

        assertThat(second.id()).isEqualTo("dev");
        assertThat(first).as("the first registration is still open").isNotDone();
        commitFirst.countDown();
        first.get(20, TimeUnit.SECONDS);
        assertThat(store.programsOf("dev")).containsExactly("program-1", "program-2");
    }

    @ParameterizedTest
    @MethodSource("dev.marketplace.app.support.TestDataSources#postgresAndH2")
    void aBadgeWaitsForAnOpenRegistrationAndThenFindsItsProgram(DriverManagerDataSource database) throws Exception {
        open(database);
        CountDownLatch commitRegistration = new CountDownLatch(1);
        CompletableFuture<DeveloperView> registration = holding(() -> registration("program-1"), commitRegistration);

        CompletableFuture<List<String>> badge = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            store.lockDevelopers(List.of("dev"), Map.of());
            return store.programsOf("dev");
        }), segments);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !badge.isDone());

        commitRegistration.countDown();
        registration.get(20, TimeUnit.SECONDS);
        assertThat(badge.get(20, TimeUnit.SECONDS)).containsExactly("program-1");
    }

    @ParameterizedTest
    @MethodSource("dev.marketplace.app.support.TestDataSources#postgresAndH2")
    void aRegistrationWaitsForAnOpenBadgeAndThenReadsIt(DriverManagerDataSource database) throws Exception {
        open(database);
        CountDownLatch commitBadge = new CountDownLatch(1);
        CompletableFuture<DeveloperView> badge = holding(() -> {
            store.lockDevelopers(List.of("dev"), Map.of());
            store.saveDeveloper(new DeveloperView("dev", "Dana", null, null, true));
            return null;
        }, commitBadge);

        CompletableFuture<DeveloperView> registration = CompletableFuture.supplyAsync(
                () -> transaction.execute(status -> registration("program-1")), segments);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !registration.isDone());

        commitBadge.countDown();
        badge.get(20, TimeUnit.SECONDS);
        assertThat(registration.get(20, TimeUnit.SECONDS).verified()).as("the badge committed before it").isTrue();
    }

    /** Tables of their own in the database, with the developer's row already there (an earlier program's). */
    private void open(DriverManagerDataSource database) {
        jdbc = new JdbcTemplate(database);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        store = new PopularityStore(jdbc).temporary("lock_modes");
        transaction.executeWithoutResult(status -> store.lockDevelopers(List.of("dev"), Map.of()));
    }

    /** A batch of one registration of the developer's, as the catalogue processor locks it. */
    private DeveloperView registration(String programId) {
        return store.lockDevelopers(List.of(), Map.of(programId, "dev")).get("dev");
    }

    /** Runs {@code work} in a transaction on a segment's thread, committing once {@code commit} is counted down. */
    private <T> CompletableFuture<T> holding(Supplier<T> work, CountDownLatch commit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            T value = work.get();
            done.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
            return value;
        }), segments);
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        return result;
    }
}
