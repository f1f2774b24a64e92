package dev.marketplace.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log over GraphQL: every decision one reviewer made across programs, in time order, paged by sealed
 * cursors, bounded by time, for admins only; and the same after its read model is rebuilt from the events.
 */
@MarketplaceIntegrationTest
class AuditLogTest extends MarketplaceClientTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ENTRIES =
            new ParameterizedTypeReference<>() {
            };
    private static final List<String> DECISIONS = List.of(
            "ReviewClaimed", "VersionApproved", "RatingHidden", "RatingRestored", "MiniProgramSuspended",
            "MiniProgramReinstated", "ReviewClaimed", "VersionRejected");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminReadsEveryDecisionOfOneReviewerAcrossProgramsInTimeOrder() {
        String first = marketplace.register("dev-a1", "Costco Audit Go");
        String second = marketplace.register("dev-a2", "Kroger Audit Go");
        String approved = marketplace.submit("dev-a1", first, "1.0.0");
        claim(marketplace, approved);
        marketplace.approve("rita", approved);
        marketplace.release("dev-a1", approved);
        String rating = marketplace.rate("user-1", first, 1, "Spam");
        review(marketplace, "hideRating", Map.of("ratingId", rating));
        review(marketplace, "restoreRating", Map.of("ratingId", rating));
        review(marketplace, "suspendMiniProgram", Map.of("id", first, "reason", "Undeclared tracking"));
        review(marketplace, "authorization/reinstateMiniProgram", Map.of("id", first));
        String rejected = marketplace.submit("dev-a2", second, "1.0.0");
        claim(marketplace, rejected);
        review(marketplace, "rejectVersion", Map.of("input", Map.of("versionId", rejected, "reasons",
                                                                        List.of("CRASHES"), "comment", "Crashes")));
        marketplace.approve("other-reviewer", marketplace.submit("dev-a2", second, "1.0.1"));

        GraphQlTester admin = marketplace.as("ada", Role.ADMIN);
        List<Map<String, Object>> all = await().atMost(Duration.ofSeconds(30)).until(
                () -> entries(auditLog(admin, "rita", null, null, 50, null)), e -> e.size() == DECISIONS.size());
        assertThat(all).extracting(e -> e.get("type")).containsExactlyElementsOf(DECISIONS);
        assertThat(all).extracting(e -> e.get("actor")).containsOnly("rita");
        assertThat(all).extracting(e -> e.get("miniProgramId")).containsExactly(
                first, first, first, first, first, first, second, second);
        assertThat(all.get(2).get("subjectId")).isEqualTo(rating);
        assertThat(all.get(2).get("summary")).isEqualTo("Rating by user-1 (1 stars) hidden");
        assertThat(all.get(7).get("summary")).isEqualTo("Version 1.0.0 rejected (crashes): Crashes");
        List<Instant> at = all.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
        assertThat(at).isSorted();

        List<Map<String, Object>> paged = new ArrayList<>();
        String after = null;
        boolean more;
        do {
            GraphQlTester.Response page = auditLog(admin, "rita", null, null, 3, after);
            paged.addAll(entries(page));
            more = page.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("auditLog.pageInfo.endCursor").entity(String.class).get();
        } while (more);
        assertThat(paged).isEqualTo(all);

        assertThat(entries(auditLog(admin, "rita", at.get(2), at.get(6), 50, null)))
                .extracting(e -> e.get("type")).containsExactlyElementsOf(DECISIONS.subList(2, 6));
        // The other reviewer's approval is projected apart from rita's decisions: wait for it too.
        String cursorOfAnother = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> auditLog(admin, "other-reviewer", null, null, 1, null).path("auditLog.pageInfo.endCursor")
                        .entity(String.class).get(), Objects::nonNull);
        auditLog(admin, "rita", null, null, 3, cursorOfAnother).errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR");
                }));

        replayTheAuditLog();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(entries(auditLog(admin, "rita", null, null, 50, null))).isEqualTo(all));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'rita'", Long.class))
                .isEqualTo(DECISIONS.size());
    }

    @Test
    void onlyAnAdminMayReadTheAuditLog() {
        auditLog(marketplace.anonymous(), "rita", null, null, 50, null).errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED)));
        for (GraphQlTester caller : List.of(marketplace.as("rita", Role.REVIEWER), marketplace.as("dev-1",
                Role.DEVELOPER, Role.USER, Role.REVIEWER))) {
            auditLog(caller, "rita", null, null, 50, null).errors().satisfy(errors -> assertThat(errors)
                    .singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                        assertThat(error.getExtensions()).containsEntry("code", "ROLE_REQUIRED");
                    }));
        }
    }

    private void replayTheAuditLog() {
        StreamingEventProcessor processor = processing.eventProcessor("audit", StreamingEventProcessor.class)
                                                      .orElseThrow();
        processor.shutDown();
        processor.resetTokens(StreamableMessageSource::createTailToken);
        processor.start();
    }

    private static void claim(Marketplace marketplace, String versionId) {
        review(marketplace, "authorization/claimReview", Map.of("versionId", versionId));
    }

    private static void review(Marketplace marketplace, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = marketplace.as("rita", Role.REVIEWER).documentName(document);
        variables.forEach(request::variable);
        request.execute().errors().verify();
    }

    private static List<Map<String, Object>> entries(GraphQlTester.Response response) {
        return response.path("auditLog.edges[*].node").entity(ENTRIES).get();
    }

    private static GraphQlTester.Response auditLog(GraphQlTester caller, String actor, Instant from, Instant to,
                                                   int first, String after) {
        return caller.documentName("history/auditLog").variable("actor", actor)
                     .variable("from", from == null ? null : from.toString())
                     .variable("to", to == null ? null : to.toString()).variable("first", first)
                     .variable("after", after).execute();
    }
}
