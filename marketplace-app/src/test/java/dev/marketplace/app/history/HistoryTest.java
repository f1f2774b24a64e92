package dev.marketplace.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The audit trail and the as-of listing over GraphQL, read from the PostgreSQL event store: no waiting for a
 * projection, the history is complete as soon as a mutation returns.
 */
@MarketplaceIntegrationTest
class HistoryTest extends MarketplaceClientTest {

    @Test
    void aProgramsHistoryAndItsListingAsOfAnyInstantComeFromItsEvents() {
        String id = marketplace.register("dev-h1", "Walmart History Go");
        String version = marketplace.releaseNew("dev-h1", id, "1.0.0", "reviewer-1");

        List<Map<String, Object>> entries = history(marketplace.as("dev-h1", Role.DEVELOPER), id, 50, null)
                .path("history.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("history.edges[*].node").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).get();
        assertThat(entries).extracting(e -> e.get("sequence")).containsExactly(0, 1, 2, 3, 4);
        assertThat(entries).extracting(e -> e.get("type")).containsExactly(
                "MiniProgramRegistered", "VersionSubmitted", "PackageChecked", "VersionApproved", "VersionReleased");
        // The package checks are the marketplace's own doing, on no one's behalf.
        assertThat(entries).extracting(e -> e.get("actor")).containsExactly(
                "dev-h1", "dev-h1", null, "reviewer-1", "dev-h1");
        assertThat(entries.get(2).get("summary")).isEqualTo("Package of version 1.0.0 checked: passed");
        assertThat(entries.get(3).get("summary")).isEqualTo("Version 1.0.0 approved: Looks good");
        assertThat(entries.get(4).get("summary")).isEqualTo("Released 1.0.0 to all users");
        List<Instant> at = entries.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
        assertThat(at).isSorted();

        String cursor = history(marketplace.as("reviewer-2", Role.REVIEWER), id, 2, null)
                .path("history.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("history.pageInfo.endCursor").entity(String.class).get();
        history(marketplace.as("reviewer-2", Role.REVIEWER), id, 3, cursor)
                .path("history.edges[*].node.type").entityList(String.class)
                .containsExactly("PackageChecked", "VersionApproved", "VersionReleased")
                .path("history.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        history(marketplace.as("dev-h2", Role.DEVELOPER), id, 50, null).errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(error.getExtensions()).containsEntry("code", "NOT_OWNER");
                }));
        history(marketplace.anonymous(), id, 50, null).errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED)));

        GraphQlTester developer = marketplace.as("dev-h1", Role.DEVELOPER);
        asOf(developer, id, at.get(0).minusNanos(1000)).path("miniProgramAsOf").valueIsNull();
        asOf(developer, id, at.get(3))
                .path("miniProgramAsOf.status").entity(String.class).isEqualTo("DRAFT")
                .path("miniProgramAsOf.currentVersion").valueIsNull()
                .path("miniProgramAsOf.versions[0].status").entity(String.class).isEqualTo("APPROVED")
                .path("miniProgramAsOf.versions[0].review.reviewer").entity(String.class).isEqualTo("reviewer-1")
                .path("miniProgramAsOf.developer.id").entity(String.class).isEqualTo("dev-h1");
        asOf(marketplace.anonymous(), id, at.get(3)).path("miniProgramAsOf").valueIsNull();
        asOf(marketplace.anonymous(), id, at.get(4))
                .path("miniProgramAsOf.status").entity(String.class).isEqualTo("LIVE")
                .path("miniProgramAsOf.currentVersion.number").entity(String.class).isEqualTo("1.0.0")
                .path("miniProgramAsOf.updatedAt").entity(String.class).isEqualTo(at.get(4).toString());
    }

    private static GraphQlTester.Response history(GraphQlTester tester, String id, int first, String after) {
        return tester.documentName("history/history").variable("miniProgramId", id).variable("first", first)
                     .variable("after", after).execute();
    }

    private static GraphQlTester.Response asOf(GraphQlTester tester, String id, Instant at) {
        return tester.documentName("history/miniProgramAsOf").variable("id", id).variable("at", at.toString())
                     .execute();
    }
}
