package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many commands on one aggregate at the same moment: optimistic locking on (aggregate, sequence) plus the gateway's
 * conflict retries must leave a consistent state in which nothing is lost and nothing is counted twice.
 */
@MarketplaceIntegrationTest
class ConcurrencyTest extends MarketplaceClientTest {

    @Autowired
    JdbcTemplate jdbc;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @RepeatedTest(3)
    void twoReviewersDecidingAtOnceLeaveExactlyOneDecision() throws Exception {
        String program = marketplace.register("dev-c1", "Race Review " + System.nanoTime() % 1_000_000);
        String version = marketplace.submit("dev-c1", program, "1.0.0");
        marketplace.awaitChecks("rev-a", version);

        List<GraphQlTester.Response> responses = race(List.of(
                () -> marketplace.as("rev-a", Role.REVIEWER).documentName("approveVersion")
                                 .variable("versionId", version).execute(),
                () -> marketplace.as("rev-b", Role.REVIEWER).documentName("rejectVersion")
                                 .variable("input", Map.of("versionId", version, "reasons", List.of("CRASHES")))
                                 .execute()));

        List<String> codes = new ArrayList<>();
        int succeeded = 0;
        for (GraphQlTester.Response response : responses) {
            List<ResponseError> errors = new ArrayList<>();
            response.errors().satisfy(errors::addAll);
            if (errors.isEmpty()) {
                succeeded++;
            } else {
                codes.add(String.valueOf(errors.get(0).getExtensions().get("code")));
            }
        }
        assertThat(succeeded).isEqualTo(1);
        assertThat(codes).containsExactly("INVALID_TRANSITION");
        assertThat(eventTypes(program)).filteredOn(t -> t.endsWith("ApprovedEvent") || t.endsWith("RejectedEvent"))
                                       .hasSize(1);
    }

    @Test
    void fiftyUsersInstallingAtOnceAreEachCountedOnceAndARepeatedInstallOnlyOnce() throws Exception {
        String program = marketplace.publish("dev-c2", "Race Install " + System.nanoTime() % 1_000_000);
        List<Callable<GraphQlTester.Response>> installs = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> installs.add(() -> install("user-" + i, program)));
        IntStream.range(0, 10).forEach(i -> installs.add(() -> install("repeat-user", program)));

        List<GraphQlTester.Response> responses = race(installs);

        responses.forEach(r -> r.path("installMiniProgram.installed").entity(Boolean.class).isEqualTo(true));
        Long installedEvents = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier like ? and payload_type like ?",
                Long.class, "install:" + program + ":%", "%MiniProgramInstalledEvent");
        Long distinctUsers = jdbc.queryForObject(
                "select count(distinct aggregate_identifier) from domain_event_entry where aggregate_identifier like ?",
                Long.class, "install:" + program + ":%");
        assertThat(installedEvents).isEqualTo(51);
        assertThat(distinctUsers).isEqualTo(51);
        assertThat(jdbc.queryForObject("select count(*) from installation where program_id = ?", Long.class, program))
                .isEqualTo(51);
    }

    @Test
    void concurrentListingEditsByTheOwnerAreAllKeptInOrder() throws Exception {
        String program = marketplace.register("dev-c3", "Race Listing " + System.nanoTime() % 1_000_000);
        List<Callable<GraphQlTester.Response>> edits = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> edits.add(() -> marketplace.as("dev-c3", Role.DEVELOPER)
                .documentName("updateListing")
                .variable("input", Map.of("miniProgramId", program, "summary", "Summary number " + i)).execute()));

        List<GraphQlTester.Response> responses = race(edits);

        responses.forEach(r -> r.errors().verify());
        List<Long> sequence = jdbc.queryForList(
                "select sequence_number from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class, program);
        assertThat(sequence).containsExactlyElementsOf(IntStream.rangeClosed(0, 20).mapToObj(Long::valueOf).toList());
        assertThat(eventTypes(program)).filteredOn(t -> t.endsWith("ListingUpdatedEvent")).hasSize(20);
    }

    private GraphQlTester.Response install(String user, String program) {
        return marketplace.as(user, Role.USER).documentName("installMiniProgram").variable("id", program).execute();
    }

    /** Runs every call at once (released together by a latch) and returns their responses in order. */
    private List<GraphQlTester.Response> race(List<Callable<GraphQlTester.Response>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<GraphQlTester.Response>> futures = new ArrayList<>();
        for (Callable<GraphQlTester.Response> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<GraphQlTester.Response> responses = new ArrayList<>();
        for (Future<GraphQlTester.Response> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private List<String> eventTypes(String aggregate) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                                 + " order by sequence_number", String.class, aggregate);
    }
}
