package dev.marketplace.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The review queue reviewers work from: escalated versions first, then the longest waiting, and filters that
 * combine. The SLA is a few seconds here, so escalation happens within the test.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = "marketplace.programs.review-sla=6s")
class ReviewQueueFilterTest extends MarketplaceClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anEscalatedVersionComesBeforeAnOlderOneWhoseClockWasPaused() {
        String older = marketplace.register("dev-q1", "Queue Paused Older");
        String olderVersion = marketplace.submit("dev-q1", older, "1.0.0");
        ask("rev-q1", olderVersion);
        String newer = marketplace.register("dev-q1", "Queue Escalated Newer");
        String newerVersion = marketplace.submit("dev-q1", newer, "1.0.0");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> queue(Map.of("text", "Queue Escalated"))
                .path("reviewQueue.edges[0].node.escalated").entity(Boolean.class).isEqualTo(true));

        marketplace.as("dev-q1", Role.DEVELOPER).documentName("authorization/answerReview")
                   .variable("versionId", olderVersion).variable("text", "It needs the camera to scan").execute()
                   .path("answerReview.status").entity(String.class).isEqualTo("IN_REVIEW");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> queue(Map.of("text", "Queue"))
                .path("reviewQueue.edges[*].node.id").entityList(String.class)
                .containsExactly(newerVersion, olderVersion));
        queue(Map.of("text", "Queue", "escalatedOnly", true)).path("reviewQueue.edges[*].node.id")
                .entityList(String.class).containsExactly(newerVersion);
    }

    @Test
    void filtersByCategoryClaimAndNameCombine() {
        String food = marketplace.register("dev-q2", Marketplace.listing("Filter Noodle Bar", "FOOD_AND_DRINK",
                                                                        List.of("noodles")));
        String travel = marketplace.register("dev-q2", Marketplace.listing("Filter Ferry Tickets", "TRAVEL",
                                                                          List.of("ferry")));
        String foodVersion = marketplace.submit("dev-q2", food, "1.0.0");
        String travelVersion = marketplace.submit("dev-q2", travel, "1.0.0");
        marketplace.claim("rev-q2", travelVersion);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            ids(Map.of("text", "Filter", "categories", List.of("FOOD_AND_DRINK"))).containsExactly(foodVersion);
            ids(Map.of("text", "Filter", "unclaimedOnly", true)).containsExactly(foodVersion);
            ids(Map.of("text", "Filter", "claimedByMe", true)).containsExactly(travelVersion);
            ids(Map.of("text", "Filter Ferry")).containsExactly(travelVersion);
            ids(Map.of("text", "Filter", "categories", List.of("TRAVEL"), "unclaimedOnly", true)).hasSize(0);
        });
        marketplace.as("rev-q3", Role.REVIEWER).documentName("filteredReviewQueue")
                   .variable("filter", Map.of("text", "Filter", "claimedByMe", true)).execute()
                   .path("reviewQueue.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void filtersByThePermissionsAVersionAsksForAndWhereItsChecksStand() {
        String passed = marketplace.submit("dev-q6", marketplace.register("dev-q6", "Checked Queue Passed"), "1.0.0");
        String failed = marketplace.submit("dev-q6", marketplace.register("dev-q6", "Checked Queue Failed"), "1.0.0",
                marketplace.upload("dev-q6", TestPackages.good()
                        .text("utils/cloud.js", "// storage\nconst key = 'AKIAIOSFODNN7EXAMPLE';\n").zip()));
        String contactsDigest = marketplace.upload("dev-q6", TestPackages.good().without("app.json")
                .text("app.json", """
                        {"pages": ["pages/index/index", "pages/scan/scan"],
                         "permission": {"CAMERA": {"desc": "Scans barcodes"},
                                        "CONTACTS": {"desc": "Shares a basket with a friend"}}}""").zip());
        String contacts = marketplace.as("dev-q6", Role.DEVELOPER).documentName("submitVersion")
                .variable("input", Map.of("miniProgramId", marketplace.register("dev-q6", "Checked Queue Contacts"),
                                          "version", "1.0.0", "changelog", "First release",
                                          "permissions", List.of("CAMERA", "CONTACTS"),
                                          "privacyUses", List.of("ORDER_FULFILMENT"),
                                          "packageDigest", contactsDigest))
                .execute().path("submitVersion.id").entity(String.class).get();

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            ids(Map.of("text", "Checked Queue", "checks", List.of("FAILED"))).containsExactly(failed);
            ids(Map.of("text", "Checked Queue", "checks", List.of("PASSED", "WARNINGS")))
                    .contains(passed, contacts).hasSize(2);
        });
        ids(Map.of("text", "Checked Queue", "permissions", List.of("CONTACTS"))).containsExactly(contacts);
        ids(Map.of("text", "Checked Queue", "permissions", List.of("CAMERA", "LOCATION")))
                .contains(passed, failed, contacts).hasSize(3);
        ids(Map.of("text", "Checked Queue", "permissions", List.of("CAMERA"), "checks", List.of("WARNINGS")))
                .containsExactly(contacts);
        ids(Map.of("text", "Checked Queue", "permissions", List.of("LOCATION"))).hasSize(0);
    }

    @Test
    void aQueueItemShowsTheDeveloperEarlierOutcomesAndUsers() {
        String program = marketplace.publish("dev-q5", "Context Queue Cafe");
        marketplace.install("q-fan", program);
        String rejected = marketplace.submit("dev-q5", program, "1.1.0");
        marketplace.reject("rev-q5", rejected, "Crashes at checkout");
        String waiting = marketplace.submit("dev-q5", program, "1.2.0");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            GraphQlTester.Response item = marketplace.as("rev-q2", Role.REVIEWER).documentName("queueContext")
                    .variable("filter", Map.of("text", "Context Queue")).execute();
            item.path("reviewQueue.edges[0].node.id").entity(String.class).isEqualTo(waiting)
                .path("reviewQueue.edges[0].node.miniProgram.developer.id").entity(String.class).isEqualTo("dev-q5")
                .path("reviewQueue.edges[0].node.miniProgram.installCount").entity(Integer.class).isEqualTo(1)
                .path("reviewQueue.edges[0].node.miniProgram.versions[?(@.number == '1.1.0')].review.outcome")
                .entityList(String.class).containsExactly("REJECTED");
        });
    }

    @Test
    void aCursorBelongsToItsFilter() {
        String a = marketplace.register("dev-q4", "Cursor Queue One");
        String b = marketplace.register("dev-q4", "Cursor Queue Two");
        marketplace.submit("dev-q4", a, "1.0.0");
        marketplace.submit("dev-q4", b, "1.0.0");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> ids(Map.of("text", "Cursor Queue")).hasSize(2));
        String cursor = marketplace.as("rev-q2", Role.REVIEWER).documentName("filteredReviewQueue")
                .variable("filter", Map.of("text", "Cursor Queue")).variable("first", 1).execute()
                .path("reviewQueue.pageInfo.endCursor").entity(String.class).get();

        marketplace.as("rev-q2", Role.REVIEWER).documentName("filteredReviewQueue")
                   .variable("filter", Map.of("text", "Cursor Queue", "unclaimedOnly", true))
                   .variable("after", cursor).execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
    }

    private void ask(String reviewer, String versionId) {
        marketplace.requestInformation(reviewer, versionId, "Why the camera?");
    }

    private GraphQlTester.Response queue(Map<String, Object> filter) {
        return marketplace.as("rev-q2", Role.REVIEWER).documentName("filteredReviewQueue")
                          .variable("filter", filter).execute();
    }

    private GraphQlTester.EntityList<String> ids(Map<String, Object> filter) {
        return queue(filter).path("reviewQueue.edges[*].node.id").entityList(String.class);
    }
}
