package dev.marketplace.query.catalogue.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.developer.DeveloperView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two programs of one developer handled at the same moment on two segments both find the developer's row missing
 * and insert it; the later insert fails on the key once the earlier transaction commits (H2 retries it until then,
 * PostgreSQL waits). That must not fail the event: on H2 it was parked as a dead letter and its program left out of the
 * catalogue.
 */
class DeveloperRowRaceTest {

    final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;"
            + "LOCK_TIMEOUT=20000", "sa", "");
    final JdbcTemplate jdbc = new JdbcTemplate(database);
    final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
    final PopularityStore store = new PopularityStore(jdbc).temporary("race");
    /** A thread a segment (and one more): each transaction is bound to its own thread. */
    final ExecutorService segments = Executors.newFixedThreadPool(3);

    @AfterEach
    void dropTheTables() {
        segments.shutdownNow();
        store.drop();
        jdbc.execute("shutdown");
    }

    @Test
    void theSecondSegmentToCreateADevelopersRowWaitsAndGoesOnWithTheRowTheFirstCommitted() throws Exception {
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<DeveloperView> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            DeveloperView developer = store.registerProgram("program-1", "dev-race");
            firstInserted.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> commitFirst.getCount() == 0);
            return developer;
        }), segments);
        assertThat(firstInserted.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DeveloperView> second = CompletableFuture.supplyAsync(() -> transaction.execute(
                status -> store.registerProgram("program-2", "dev-race")), segments);
        // H2 retries the second insert while the first transaction is open (it does not show as blocked).
        await().atMost(Duration.ofSeconds(20)).until(() -> second.isDone() || jdbc.queryForObject(
                "select count(*) from information_schema.sessions where executing_statement like ?", Integer.class,
                "insert into catalogue_developer_race %") > 0);
        commitFirst.countDown();

        assertThat(first.get(20, TimeUnit.SECONDS).id()).isEqualTo("dev-race");
        assertThat(second.get(20, TimeUnit.SECONDS).id()).isEqualTo("dev-race");
        assertThat(store.programsOf("dev-race")).containsExactly("program-1", "program-2");
        assertThat(jdbc.queryForObject("select count(*) from catalogue_developer_race", Integer.class)).isOne();
    }

    /**
     * A batch locks its developers in the order of their ids before any one of them: while it waits for an earlier
     * developer held elsewhere, it holds none of the later ones, so nobody can be waiting on it in the opposite order
     * (a deadlock between two segments' batches, seen during a rebuild).
     */
    @Test
    void aBatchWaitingForOneDeveloperHoldsNoneOfTheLaterOnes() throws Exception {
        transaction.executeWithoutResult(status -> store.lockDevelopers(List.of("dev-a", "dev-b"), Map.of()));
        CountDownLatch aHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            store.lockDeveloper("dev-a");
            aHeld.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
        }), segments);
        assertThat(aHeld.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(
                status -> store.lockDevelopers(List.of("dev-b", "dev-a"), Map.of())), segments);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from information_schema.sessions where executing_statement like ?", Integer.class,
                "update catalogue_developer_race %") > 0);

        CompletableFuture<DeveloperView> other = CompletableFuture.supplyAsync(() -> transaction.execute(
                status -> store.lockDeveloper("dev-b")), segments);
        assertThat(other.get(10, TimeUnit.SECONDS).id()).as("dev-b, free while the batch waits for dev-a")
                                                        .isEqualTo("dev-b");
        assertThat(batch).as("the batch still waits for dev-a").isNotDone();

        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
        batch.get(20, TimeUnit.SECONDS);
    }

    /**
     * A batch's registrations are recorded with its locks, and its developers are answered as stored, so its events
     * need no round trip for them; a registration handled again records nothing twice.
     */
    @Test
    void aBatchRecordsItsRegistrationsWithItsLocksAndAnswersItsDevelopersAsStored() {
        transaction.executeWithoutResult(status -> store.registerProgram("program-0", "dev-b"));
        store.saveDeveloper(new DeveloperView("dev-b", "Bea", null, null, true));

        Map<String, DeveloperView> developers = transaction.execute(status -> store.lockDevelopers(
                List.of("dev-b", "dev-a", "dev-b"), Map.of("program-1", "dev-a", "program-2", "dev-b",
                                                             "program-0", "dev-b")));

        assertThat(developers).containsOnlyKeys("dev-a", "dev-b");
        assertThat(developers.get("dev-b").verified()).isTrue();
        assertThat(developers.get("dev-a")).isEqualTo(DeveloperView.unnamed("dev-a"));
        assertThat(store.programsOf("dev-b")).containsExactly("program-0", "program-2");
        assertThat(store.programsOf("dev-a")).containsExactly("program-1");
        assertThat(jdbc.queryForObject("select count(*) from catalogue_developer_race", Integer.class)).isEqualTo(2);
    }
}
