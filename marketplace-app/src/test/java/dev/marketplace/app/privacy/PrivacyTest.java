package dev.marketplace.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What callers may read, over HTTP: hidden ratings, review outcomes on every path that shows versions, and search
 * highlights that are safe to put into a page.
 */
@MarketplaceIntegrationTest
class PrivacyTest extends MarketplaceClientTest {

    static final Duration PROMPTLY = Duration.ofSeconds(15);
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    String tag = Marketplace.uniqueTag("p");

    @Test
    void flaggingTwiceAnswersTheSameAsOnceAndCountsOnce() {
        String program = marketplace.publish("dev-pf", "Privacy Flagged Twice");
        String rating = marketplace.rate("pf-author", program, 2, "Slow at checkout");

        Map<String, Object> first = flag("pf-flagger", rating).path("flagRating").entity(MAP).get();
        Map<String, Object> second = flag("pf-flagger", rating).path("flagRating").entity(MAP).get();

        assertThat(second).isEqualTo(first).containsEntry("flagCount", 1);
    }

    @Test
    void aHiddenRatingIsNotFoundToOthersAndNoAnswerCarriesItsText() {
        String program = marketplace.publish("dev-ph", "Privacy Hidden Rating");
        String rating = marketplace.rate("ph-author", program, 1, "Hidden words nobody may read");
        marketplace.hide("ph-moderator", rating);

        for (String stranger : List.of("ph-user", "ph-other-user")) {
            GraphQlTester.Response refused = flag(stranger, rating);
            refused.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                assertThat(e.getExtensions()).containsEntry("code", "RATING_NOT_FOUND");
                assertThat(e.getMessage()).doesNotContain("Hidden words");
            }));
            refused.path("flagRating").pathDoesNotExist();
        }
        marketplace.as("ph-reviewer", Role.REVIEWER).documentName("privacy/flagRating")
                   .variable("ratingId", rating).execute()
                   .path("flagRating.text").entity(String.class).isEqualTo("Hidden words nobody may read");
    }

    @Test
    void reviewOutcomesAreForTheOwnerAndReviewersOnEveryPath() {
        String program = marketplace.publish("dev-pr", Marketplace.listing("Privacy Review Outcomes", "TOOLS",
                                                                           List.of(tag)));
        String rejected = marketplace.submit("dev-pr", program, "1.1.0");
        marketplace.reject("pr-reviewer", rejected, "Crashes on launch, see log 4711");
        String withdrawn = marketplace.submit("dev-pr", program, "1.2.0");
        marketplace.as("dev-pr", Role.DEVELOPER).documentName("authorization/withdrawVersion")
                   .variable("versionId", withdrawn).execute()
                   .path("withdrawVersion.status").entity(String.class).isEqualTo("WITHDRAWN");
        marketplace.submit("dev-pr", program, "1.3.0");
        Instant now = Instant.now();

        List<HttpGraphQlTester> others = List.of(marketplace.anonymous(), marketplace.as("pr-user", Role.USER),
                                                 marketplace.as("pr-other-dev", Role.DEVELOPER));
        for (HttpGraphQlTester other : others) {
            expectOnlyTheReleaseWithoutItsReview(other.documentName("privacy/programVersions")
                                                      .variable("id", program).execute(), "miniProgram");
            expectOnlyTheReleaseWithoutItsReview(other.documentName("privacy/programVersionsAsOf")
                                                      .variable("id", program).variable("at", now.toString())
                                                      .execute(), "miniProgramAsOf");
            await().atMost(PROMPTLY).untilAsserted(() -> expectOnlyTheReleaseWithoutItsReview(
                    other.documentName("privacy/searchVersions").variable("query", "Privacy Review Outcomes")
                         .variable("filter", Map.of("tags", List.of(tag))).execute(), "catalogue.edges[0].node"));
        }
        List<HttpGraphQlTester> insiders = List.of(marketplace.as("dev-pr", Role.DEVELOPER),
                                                   marketplace.as("pr-reviewer-2", Role.REVIEWER),
                                                   marketplace.as("pr-admin", Role.ADMIN));
        for (HttpGraphQlTester insider : insiders) {
            GraphQlTester.Response response = insider.documentName("privacy/programVersions").variable("id", program)
                                                     .execute();
            response.path("miniProgram.versions[*].status").entityList(String.class)
                    .containsExactly("RELEASED", "REJECTED", "WITHDRAWN", "IN_REVIEW");
            response.path("miniProgram.versions[1].review.comment").entity(String.class)
                    .isEqualTo("Crashes on launch, see log 4711");
            response.path("miniProgram.currentVersion.review.reviewer").entity(String.class).isEqualTo("reviewer-1");
        }
    }

    @Test
    void highlightsAreEscapedHtmlAroundTheirMarkers() {
        marketplace.publish("dev-px", Marketplace.listing("<img src=x onerror=alert(1)> Coffee", "FOOD_AND_DRINK",
                                                          List.of(tag)));

        await().atMost(PROMPTLY).untilAsserted(() -> marketplace.anonymous().documentName("search")
                .variable("query", "Coffee").variable("filter", Map.of("tags", List.of(tag))).execute()
                .path("catalogue.edges[0].highlights[?(@.field == 'name')].fragments[0]").entityList(String.class)
                .containsExactly("&lt;img src=x onerror=alert(1)&gt; <em>Coffee</em>"));
    }

    private GraphQlTester.Response flag(String user, String rating) {
        return marketplace.as(user, Role.USER).documentName("privacy/flagRating").variable("ratingId", rating)
                          .execute();
    }

    private static void expectOnlyTheReleaseWithoutItsReview(GraphQlTester.Response response, String program) {
        response.path(program + ".versions[*].number").entityList(String.class).containsExactly("1.0.0")
                .path(program + ".versions[0].status").entity(String.class).isEqualTo("RELEASED")
                .path(program + ".versions[0].review").valueIsNull()
                .path(program + ".currentVersion.number").entity(String.class).isEqualTo("1.0.0")
                .path(program + ".currentVersion.review").valueIsNull();
    }
}
