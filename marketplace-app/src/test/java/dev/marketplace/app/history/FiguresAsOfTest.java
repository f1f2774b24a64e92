package dev.marketplace.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A program's install count and rating summary as of an instant, over GraphQL: the figures of that instant, from
 * the installation and rating events stored up to it, whatever happened since; in the same response as today's
 * figures, which stay today's.
 */
@MarketplaceIntegrationTest
class FiguresAsOfTest extends MarketplaceClientTest {

    @Test
    void asOfAnInstantTheFiguresAreThoseOfThatInstant() {
        String id = marketplace.publish("dev-f1", "Walmart Figures Go");
        Instant beforeAnyInstall = Instant.now();
        waitForTheClockToPass(beforeAnyInstall);

        marketplace.install("user-1", id);
        marketplace.rate("user-1", id, 5, "Great");
        marketplace.rate("user-2", id, 2, "Slow");
        marketplace.rate("user-2", id, 4, "Faster now");
        marketplace.install("user-3", id);
        uninstall(marketplace, "user-3", id);
        String hiddenThen = marketplace.rate("user-4", id, 1, "Spam");
        hide(marketplace, "hideRating", hiddenThen);
        String restoredThen = marketplace.rate("user-5", id, 3, "Fine");
        hide(marketplace, "hideRating", restoredThen);
        hide(marketplace, "restoreRating", restoredThen);
        Instant at = Instant.now();
        waitForTheClockToPass(at);

        marketplace.install("user-6", id);
        uninstall(marketplace, "user-1", id);
        marketplace.install("user-3", id);
        marketplace.rate("user-2", id, 1, "Broken again");
        hide(marketplace, "restoreRating", hiddenThen);
        hide(marketplace, "hideRating", restoredThen);
        marketplace.rate("user-7", id, 5, "Love it");

        // Then: user-1, user-2, user-4 and user-5 had it installed; 5, 4 and 3 stars showed (user-4's was hidden).
        // Now: user-2..user-7 have it; 5 (user-1 keeps the rating), 1, 1 and 5 show (user-5's is hidden).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figures(marketplace, id, at)
                .path("now.installCount").entity(Long.class).isEqualTo(6L)
                .path("now.rating.histogram").entityList(Long.class).containsExactly(2L, 0L, 0L, 0L, 2L));
        figures(marketplace, id, at)
                .path("then.installCount").entity(Long.class).isEqualTo(4L)
                .path("then.rating.count").entity(Long.class).isEqualTo(3L)
                .path("then.rating.average").entity(Double.class).isEqualTo(4.0)
                .path("then.rating.histogram").entityList(Long.class).containsExactly(0L, 0L, 1L, 1L, 1L)
                .path("now.installCount").entity(Long.class).isEqualTo(6L)
                .path("now.rating.count").entity(Long.class).isEqualTo(4L);
        figures(marketplace, id, Instant.now())
                .path("then.installCount").entity(Long.class).isEqualTo(6L)
                .path("then.rating.average").entity(Double.class).isEqualTo(3.0)
                .path("then.rating.histogram").entityList(Long.class).containsExactly(2L, 0L, 0L, 0L, 2L);
        figures(marketplace, id, beforeAnyInstall)
                .path("then.installCount").entity(Long.class).isEqualTo(0L)
                .path("then.rating.count").entity(Long.class).isEqualTo(0L)
                .path("then.rating.histogram").entityList(Long.class).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void theFiguresOfOneProgramCountNoInstallOrRatingOfAnother() {
        String id = marketplace.publish("dev-f2", "Target Figures Go");
        String other = marketplace.publish("dev-f2", "Target Figures Go Plus");
        marketplace.rate("user-1", other, 2, "Meh");
        marketplace.rate("user-1", id, 5, "Good");

        figures(marketplace, id, Instant.now())
                .path("then.installCount").entity(Long.class).isEqualTo(1L)
                .path("then.rating.histogram").entityList(Long.class).containsExactly(0L, 0L, 0L, 0L, 1L);
    }

    /** Event times are stored to the millisecond: what happens next must fall in a later one than {@code at}. */
    private static void waitForTheClockToPass(Instant at) {
        Instant past = at.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().isAfter(past));
    }

    private static GraphQlTester.Response figures(Marketplace marketplace, String id, Instant at) {
        return marketplace.as("dev-f1", Role.DEVELOPER).documentName("history/figuresAsOf").variable("id", id)
                          .variable("at", at.toString()).execute();
    }

    private static void uninstall(Marketplace marketplace, String user, String id) {
        marketplace.as(user, Role.USER).documentName("uninstallMiniProgram").variable("id", id).execute()
                   .path("uninstallMiniProgram.installed").entity(Boolean.class).isEqualTo(false);
    }

    private static void hide(Marketplace marketplace, String mutation, String ratingId) {
        marketplace.as("reviewer-1", Role.REVIEWER).documentName(mutation).variable("ratingId", ratingId).execute()
                   .path(mutation + ".id").entity(String.class).isEqualTo(ratingId);
    }
}
