package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.jdbc.core.JdbcTemplate;

/** One mutation all the way to a search hit: GraphQL, Axon on PostgreSQL, the projection, Elasticsearch. */
@MarketplaceIntegrationTest
class WalkingSkeletonTest extends MarketplaceClientTest {

    @Autowired
    JdbcTemplate jdbc;


    @Test
    void aReleasedProgramIsFoundByANameWithATypo() {
        String id = marketplace.publish("dev-1", "Walmart Scan and Go");

        String hit = "catalogue.edges[?(@.node.id == '" + id + "')].node";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .documentName("catalogue").variable("query", "Walmrat").execute()
                .path(hit + ".status").entityList(String.class).containsExactly("LIVE")
                .path(hit + ".currentVersion.number").entityList(String.class).containsExactly("1.0.0")
                .path(hit + ".installCount").entityList(Integer.class).containsExactly(0));
    }

    @Test
    void aMutationAnswersWithTheStateItCausedBeforeTheCatalogueKnowsIt() {
        marketplace.as("dev-2", Role.DEVELOPER).documentName("registerMiniProgram")
                .variable("input", Marketplace.listing("  McDonald's Self Order  ")).execute()
                .path("registerMiniProgram.name").entity(String.class).isEqualTo("McDonald's Self Order")
                .path("registerMiniProgram.status").entity(String.class).isEqualTo("DRAFT")
                .path("registerMiniProgram.developer.id").entity(String.class).isEqualTo("dev-2");
    }

    @Test
    void anAnonymousRegistrationIsRefusedAndStoresNothing() {
        long eventsBefore = eventCount();

        marketplace.anonymous().documentName("registerMiniProgram")
                .variable("input", Marketplace.listing("Anonymous Attempt")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);
                    assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                }));

        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aRuleViolationNamesItsRuleAndStoresNothing() {
        marketplace.register("dev-3", "KFC Order Ahead");
        long eventsBefore = eventCount();

        marketplace.as("dev-4", Role.DEVELOPER).documentName("registerMiniProgram")
                .variable("input", Marketplace.listing("kfc  ORDER ahead")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("code", "NAME_TAKEN")
                                                     .containsEntry("field", "name");
                    assertThat(error.getMessage()).contains("already taken");
                }));

        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aReviewerCannotReviewTheirOwnProgram() {
        String id = marketplace.register("dev-5", "Starbucks Rewards");
        String version = marketplace.submit("dev-5", id, "1.0.0");

        marketplace.as("dev-5", Role.DEVELOPER, Role.REVIEWER).documentName("approveVersion")
                .variable("versionId", version).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(error.getExtensions()).containsEntry("code", "SELF_REVIEW");
                }));
    }

    @Test
    void everyEventRecordsTheUserWhoCausedIt() {
        String id = marketplace.publish("dev-6", "Costa Coffee Club");

        List<String> metadata = jdbc.queryForList(
                "select meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                byte[].class, id).stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();

        assertThat(metadata).hasSize(5);
        assertThat(metadata.get(0)).contains("\"userId\":\"dev-6\"").contains("DEVELOPER");
        assertThat(metadata.get(1)).contains("\"userId\":\"dev-6\"");
        // The package checks are the marketplace's own doing (a deadline), on no one's behalf.
        assertThat(metadata.get(2)).doesNotContain("userId");
        assertThat(metadata.get(3)).contains("\"userId\":\"reviewer-1\"").contains("REVIEWER");
        assertThat(metadata.get(4)).contains("\"userId\":\"dev-6\"");
    }

    @Test
    void aDraftProgramIsHiddenFromStrangersButVisibleToItsDeveloper() {
        String id = marketplace.register("dev-7", "Draft Only Program");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace.as("dev-7", Role.DEVELOPER)
                .documentName("miniProgram").variable("id", id).execute()
                .path("miniProgram.status").entity(String.class).isEqualTo("DRAFT"));
        marketplace.anonymous().documentName("miniProgram").variable("id", id).execute()
                .path("miniProgram").valueIsNull();
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
