package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The portal's remaining screens, each on a program set up through the API: reviewers claim from the queue, hide
 * and restore flagged ratings and suspend and reinstate programs; a developer rolls back a release and edits the
 * listing; visitors narrow the catalogue with facets and sorts.
 */
@MarketplaceIntegrationTest
class PortalConsoleTest extends BrowserTest {

    @Test
    void aReviewerHidesAndRestoresAFlaggedRatingAndSuspendsTheProgram() {
        String program = marketplace.publish("dev-flagged", "Follower Booster");
        String rating = marketplace.rate("rater-spam", program, 5, "Buy followers cheaply at my shop");
        marketplace.as("flagger", Role.USER).documentName("authorization/flagRating")
                .variable("ratingId", rating).variable("reason", "SPAM").execute()
                .path("flagRating.flagCount").entity(Integer.class).isEqualTo(1);

        browser.signIn("rev-moderator", "REVIEWER");
        String item = "#flagged [data-rating-id='" + rating + "']";
        browser.awaitAfter(() -> browser.find("#refresh-flagged").click(), d -> d.findElement(By.cssSelector(item)));
        assertThat(browser.text(item)).contains("Buy followers cheaply", "Flags: 1",
                                                          "Follower Booster");
        browser.screenshot("reviewer-console");
        browser.click(By.cssSelector(item + " button.hide"));
        browser.awaitText(item, "Hidden from the public");
        browser.click(By.cssSelector(item + " button.restore"));
        browser.await(d -> !d.findElement(By.cssSelector(item)).getText().contains("Hidden from the public")
                           && !d.findElements(By.cssSelector(item + " button.hide")).isEmpty());

        browser.type("#open-program [name=programId]", program);
        browser.click("#open-program button[type=submit]");
        browser.awaitText("main h1", "Follower Booster");
        browser.type("#moderation [name=reason]", "Sells fake followers");
        browser.click("#moderate");
        browser.awaitText("#moderation .form-status", "The program is suspended.");
        browser.awaitText("#moderate", "Reinstate").click();
        browser.awaitText("#moderation .form-status", "The program is reinstated.");
        assertThat(browser.text("#moderate")).isEqualTo("Suspend");
    }

    @Test
    void aDeveloperRollsBackToTheEarlierRelease() {
        String program = marketplace.publish("dev-rollback", "Rollback Rides");
        String next = marketplace.releaseNew("dev-rollback", program, "1.1.0", "reviewer-rollback");

        browser.signIn("dev-rollback", "DEVELOPER");
        browser.open("#/developer/program/" + program);
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("#versions tr[data-version='1.0.0'] button.rollback")));
        browser.click(By.cssSelector("#versions tr[data-version='1.0.0'] button.rollback"));
        browser.click(By.cssSelector("#versions tr[data-version='1.0.0'] button.confirm-rollback"));
        browser.awaitText("#versions tr[data-version='1.0.0']", "Released");
        browser.awaitText("#history", "Rolled back from 1.1.0 to 1.0.0");
        assertThat(browser.text("#history"))
                .contains("Version 1.0.0 submitted for review", "Released 1.0.0 to all users",
                          "Released 1.1.0 to all users");
    }

    @Test
    void facetsAndSortsNarrowTheCatalogue() {
        marketplace.publish("dev-facets",
                            Marketplace.listing("Zephyrine Noodle Bar", "FOOD_AND_DRINK", List.of("noodles")));
        String bus = marketplace.publish("dev-facets",
                                         Marketplace.listing("Zephyrine Bus Times", "TRANSPORT", List.of("bus")));
        marketplace.install("rider", bus);

        browser.open("#/");
        browser.awaitAfter(() -> search("zephyrine"), d -> resultNames(d).size() == 2
                && d.findElement(By.cssSelector(".facets")).getText().contains("Transport (1)"));
        browser.click(By.cssSelector("input[data-facet=categories][value=TRANSPORT]"));
        browser.await(d -> resultNames(d).equals(List.of("Zephyrine Bus Times")));

        browser.click(By.cssSelector(".facets button"));
        browser.await(d -> resultNames(d).size() == 2);
        browser.choose("#sort", "INSTALLS");
        browser.await(d -> resultNames(d).equals(List.of("Zephyrine Bus Times", "Zephyrine Noodle Bar")));
        browser.click(By.cssSelector("input[data-facet=tags][value=noodles]"));
        browser.await(d -> resultNames(d).equals(List.of("Zephyrine Noodle Bar")));
    }

    @Test
    void aDeveloperEditsTheListingAndTheCatalogueFollows() {
        String program = marketplace.publish("dev-listing", "Listing Before Edit");
        browser.signIn("dev-listing", "DEVELOPER");
        browser.open("#/developer/program/" + program);
        browser.type("#listing-form [name=summary]", "Now with live departure boards");
        browser.type("#listing-form [name=tags]", "boards, live");
        browser.click("#listing-form button[type=submit]");
        browser.awaitText("#listing-form .form-status", "The listing is saved.");
        browser.awaitAfter(() -> browser.open("#/program/" + program),
                           d -> d.findElement(By.cssSelector("main .lead")).getText()
                                 .equals("Now with live departure boards"));
        assertThat(browser.text("main .chips")).contains("boards", "live");
    }

    @Test
    void aReviewerClaimsFromTheQueue() {
        String program = marketplace.register("dev-claimed", "Claimed From The Queue");
        String version = marketplace.submit("dev-claimed", program, "2.0.0");
        browser.signIn("rev-claimer", "REVIEWER");
        String item = "#queue [data-version-id='" + version + "']";
        browser.awaitAfter(this::showWholeQueue, d -> d.findElement(By.cssSelector(item)));
        assertThat(browser.text(item)).contains("Review Claimed From The Queue 2.0.0").contains("waiting");
        browser.click(By.cssSelector(item + " button.claim"));
        browser.awaitText(item, "claimed by rev-claimer");
        assertThat(browser.driver().findElements(By.cssSelector(item + " button.claim"))).isEmpty();
    }

    private static List<String> resultNames(WebDriver driver) {
        return driver.findElements(By.cssSelector("#results .program-name")).stream().map(e -> e.getText()).toList();
    }

}
