package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The reviewers' queue of flagged ratings across programs, and whether the viewer has a program installed. */
@MarketplaceIntegrationTest
class ModerationQueriesTest extends MarketplaceClientTest {

    @Test
    void flaggedRatingsOfEveryProgramQueueUpLongestUnchangedFirstHiddenOnesIncluded() {
        String ferry = marketplace.publish("dev-m1", "Moderated Ferry");
        String noodles = marketplace.publish("dev-m2", "Moderated Noodles");
        String spam = marketplace.rate("m-u1", ferry, 1, "Buy cheap watches here");
        String fine = marketplace.rate("m-u2", ferry, 5, "Works well");
        String rude = marketplace.rate("m-u3", noodles, 1, "Rude words");
        flag("m-u4", spam);
        flag("m-u5", rude);
        flag("m-u6", rude);
        marketplace.hide("rev-m1", rude);

        eventually().untilAsserted(() -> {
            List<GraphQlTester.Response> pages = allPages("rev-m1");
            List<String> ids = new ArrayList<>();
            pages.forEach(p -> ids.addAll(p.path("flaggedRatings.edges[*].node.id").entityList(String.class).get()));
            assertThat(ids).doesNotContain(fine).containsSubsequence(spam, rude).doesNotHaveDuplicates();
            assertThat(pages.size()).as("one rating a page").isEqualTo(ids.size());
            pages.get(0).path("flaggedRatings.totalCount").entity(Integer.class)
                 .satisfies(total -> assertThat(total).isEqualTo(ids.size()));
        });
        marketplace.as("rev-m1", Role.REVIEWER).documentName("flaggedRatings").variable("first", 100).execute()
                   .path("flaggedRatings.edges[?(@.node.id == '" + rude + "')].node.hidden").entityList(Boolean.class)
                   .containsExactly(true)
                   .path("flaggedRatings.edges[?(@.node.id == '" + rude + "')].node.flagCount")
                   .entityList(Integer.class).containsExactly(2);
    }

    @Test
    void onlyReviewersSeeTheFlaggedRatingsAndBadPagesAreNamed() {
        marketplace.as("m-user", Role.USER).documentName("flaggedRatings").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "ROLE_REQUIRED")));
        marketplace.anonymous().documentName("flaggedRatings").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
        marketplace.as("rev-m2", Role.REVIEWER).documentName("flaggedRatings").variable("first", 101).execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                       assertThat(e.getExtensions()).containsEntry("field", "first");
                       assertThat(e.getMessage()).contains("between 0 and 100");
                   }));
        marketplace.as("rev-m2", Role.REVIEWER).documentName("flaggedRatings").variable("after", "not-a-cursor")
                   .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "after")));
    }

    @Test
    void aProgramSaysWhetherTheSignedInViewerHasItInstalled() {
        String id = marketplace.publish("dev-m3", "Installed Or Not");
        marketplace.install("m-fan", id);

        eventually().untilAsserted(() -> installedFor("m-fan", id).isEqualTo(true));
        installedFor("m-stranger", id).isEqualTo(false);
        marketplace.anonymous().documentName("installedByViewer").variable("id", id).execute()
                   .path("miniProgram.installedByViewer").valueIsNull();

        marketplace.as("m-fan", Role.USER).documentName("uninstallMiniProgram").variable("id", id).execute()
                   .path("uninstallMiniProgram.installed").entity(Boolean.class).isEqualTo(false);
        eventually().untilAsserted(() -> installedFor("m-fan", id).isEqualTo(false));
    }

    private GraphQlTester.Entity<Boolean, ?> installedFor(String user, String id) {
        return marketplace.as(user, Role.USER).documentName("installedByViewer").variable("id", id).execute()
                          .path("miniProgram.installedByViewer").entity(Boolean.class);
    }

    private void flag(String user, String ratingId) {
        marketplace.as(user, Role.USER).documentName("authorization/flagRating").variable("ratingId", ratingId)
                   .variable("reason", "SPAM").execute()
                   .path("flagRating.id").entity(String.class).isEqualTo(ratingId);
    }

    private List<GraphQlTester.Response> allPages(String reviewer) {
        List<GraphQlTester.Response> pages = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = marketplace.as(reviewer, Role.REVIEWER).documentName("flaggedRatings")
                    .variable("first", 1).variable("after", after).execute();
            pages.add(page);
            boolean more = page.path("flaggedRatings.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? page.path("flaggedRatings.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return pages;
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
    }
}
