package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.api.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What a walk through the portal as a new user found (issue 23), one test per finding, so each stays fixed: nothing
 * stale after an action, nothing said twice or in the wrong language, a phone layout that shows results first.
 */
@MarketplaceIntegrationTest
class PortalFindingsTest extends BrowserTest {

    /** 1. The sentence says what happened; the actor stands beside it once. */
    @Test
    void historyNamesEachActorOnce() {
        String program = marketplace.publish("dana-history", "Once Named History");

        browser.signIn("dana-history", "DEVELOPER");
        browser.open("#/developer/program/" + program);
        browser.awaitText("#history", "Version 1.0.0 approved: Looks good by reviewer-1");
        for (WebElement entry : browser.driver().findElements(By.cssSelector("#history li"))) {
            List<WebElement> by = entry.findElements(By.cssSelector(".actor"));
            if (by.isEmpty()) {
                continue; // raised by the system: no one to name
            }
            String actor = by.get(0).getText().replace("by ", "").trim();
            assertThat(entry.getText().split(java.util.regex.Pattern.quote(actor), -1)).as(entry.getText())
                    .hasSize(2);
        }
        assertThat(browser.text("#history")).contains("Registered \"Once Named History\" in shopping by dana-history");
    }

    /** 2. An empty reply is asked for, not called too long. */
    @Test
    void anEmptyReplyAsksForText() {
        String program = marketplace.publish("dev-empty-reply", "Empty Reply Kiosk");
        marketplace.rate("rater-empty", program, 3, "Slow at lunch");

        browser.signIn("dev-empty-reply", "DEVELOPER");
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("#developer-ratings .reply-form")));
        browser.click("#developer-ratings .reply-form button[type=submit]");
        WebElement error = browser.awaitText("#developer-ratings [data-error-for=text]", "Write your reply");
        assertThat(error.getText()).isEqualTo("Write your reply before sending it.")
                .doesNotContain("too long");
    }

    /** 3. The badge, the install count and the rating summary follow the visitor's own actions without a reload. */
    @Test
    void pagesShowTheNewStateAfterEachAction() {
        String draft = approvedDraft("dev-fresh", "Freshly Released Ferry");
        assertThat(browser.text("main .meta [data-status]")).isEqualTo("Draft");
        browser.script("window.stillTheSamePage = true");
        browser.type("#versions tr[data-version='1.0.0'] input.percentage", "20");
        browser.click("#versions tr[data-version='1.0.0'] button.release");
        browser.awaitText("#versions tr[data-version='1.0.0']", "20% of users");
        browser.awaitText("main .meta [data-status]", "Live");
        assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);

        String live = marketplace.publish("dev-fresh", "Freshly Rated Noodles");
        browser.signOut();
        browser.signIn("fresh-user", "USER");
        browser.awaitAfter(() -> browser.open("#/program/" + live), d -> d.findElement(By.id("install")));
        assertThat(browser.text("#program-meta")).contains("0 installs", "Not rated yet");
        browser.script("window.stillTheSamePage = true");
        browser.click("#install");
        browser.awaitText("#program-meta", "1 install");
        browser.click("#stars-5");
        browser.click("#rate-form button[type=submit]");
        browser.awaitText("#rate-form .form-status", "Thank you");
        browser.await(d -> !d.findElement(By.cssSelector("#program-meta")).getText().contains("Not rated yet"));
        assertThat(browser.find("#program-meta .stars").getAttribute("aria-label"))
                .isEqualTo("Rated 5.0 out of 5 by 1 user");
        assertThat(browser.text(".histogram")).contains("5 of 5 stars: 1");
        browser.screenshot("program-after-rating");
        assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);
    }

    /** 4. An error sentence goes away as soon as its field is changed. */
    @Test
    void aFieldErrorGoesOnceTheFieldIsCorrected() {
        browser.signIn("dev-correcting", "DEVELOPER");
        browser.open("#/developer/new");
        browser.type("#register-form [name=name]", "X");
        browser.type("#register-form [name=summary]", "Errors that leave when fixed");
        browser.click("#register-form button[type=submit]");
        browser.awaitText("#register-form [data-error-for=name]", "Enter a name");

        browser.find("#register-form [name=name]").sendKeys("ylophone Lessons");
        browser.await(d -> !d.findElement(By.cssSelector("#register-form [data-error-for=name]")).isDisplayed());
        assertThat(browser.find("#register-form [name=name]").getAttribute("aria-invalid")).isNull();
    }

    /** 5. Narrowing a phased release says that a release only widens, beside the percentage. */
    @Test
    void narrowingAReleaseSaysItCanOnlyWiden() {
        String program = approvedDraft("dev-narrow", "Narrowing Nets");
        browser.type("#versions tr[data-version='1.0.0'] input.percentage", "20");
        browser.click("#versions tr[data-version='1.0.0'] button.release");
        browser.awaitText("#versions tr[data-version='1.0.0']", "20% of users");
        browser.type("#versions tr[data-version='1.0.0'] input.percentage", "10");
        browser.click("#versions tr[data-version='1.0.0'] button.release");
        WebElement error = browser.awaitText("#versions tr[data-version='1.0.0'] [data-error-for=percentage]",
                                             "only widen");
        assertThat(error.getText()).isEqualTo("A release can only widen: enter a percentage above the current one.");
        assertThat(browser.text("#versions")).doesNotContain("current state");
    }

    /** 6. The live feed says each change once, in lower case mid-sentence, with release percentages. */
    @Test
    void theLiveFeedSaysEachChangeOnce() {
        String program = marketplace.register("dev-feed", "Feed Of Decisions");
        String version = marketplace.submit("dev-feed", program, "1.0.0");

        browser.signIn("dev-feed", "DEVELOPER");
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("#versions tr[data-version='1.0.0']")));
        // The stream's headers may wait for the first keep-alive (15 s): until then a claim could go unseen.
        await().atMost(Duration.ofSeconds(40)).until(
                () -> "open".equals(browser.find("#live-decision").getAttribute("data-stream")));
        marketplace.as("rita-feed", Role.REVIEWER).documentName("authorization/claimReview")
                   .variable("versionId", version).execute().path("claimReview.status").entity(String.class)
                   .isEqualTo("IN_REVIEW");
        browser.awaitText("#live-decision", "Version 1.0.0: rita-feed is reviewing it.");
        marketplace.approve("rita-feed", version);
        browser.awaitText("#live-decision", "Version 1.0.0 is now approved.");
        browser.type("#versions tr[data-version='1.0.0'] input.percentage", "20");
        browser.click("#versions tr[data-version='1.0.0'] button.release");
        browser.awaitText("#live-decision", "Version 1.0.0 is now released to 20% of users.");

        String feed = browser.text("#live-decision");
        assertThat(feed.split("reviewing it", -1)).as(feed).hasSize(2);
        assertThat(feed.split("Looks good", -1)).as(feed).hasSize(2);
        assertThat(feed).doesNotContain("is now In review").doesNotContain("is now Approved")
                .doesNotContain("is now Released");
    }

    /** 7. Enter right after typing searches; suggestions asked for while typing never open over the results. */
    @Test
    void suggestionsStayClosedAfterAQuickEnter() {
        String program = marketplace.publish("dev-quick", "Quickfire Lanterns");
        browser.open("#/");
        browser.awaitAfter(() -> search("Quickfire"),
                           d -> d.findElement(By.cssSelector("#results [data-program-id='" + program + "']")));
        browser.open("#/");
        WebElement box = browser.find("#search");
        box.clear();
        box.sendKeys("Quickfire Lant" + Keys.ENTER);
        browser.find("#results [data-program-id='" + program + "']");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
               .until(() -> !browser.find("[role=listbox]").isDisplayed()
                            && "false".equals(browser.find("#search").getAttribute("aria-expanded")));
    }

    /** 8. The search, filters, sort and language live in the address: a reload or a shared link keeps them. */
    @Test
    void theSearchLivesInTheAddress() {
        String program = marketplace.publish("dev-address",
                                             Marketplace.listing("Addressable Tea House", "FOOD_AND_DRINK",
                                                                 List.of("tea")));
        browser.open("#/");
        browser.awaitAfter(() -> search("Addressable"),
                           d -> d.findElement(By.cssSelector("#results [data-program-id='" + program + "']")));
        browser.choose("#sort", "INSTALLS");
        browser.click("input[data-facet=categories][value=FOOD_AND_DRINK]");
        browser.await(d -> d.getCurrentUrl().contains("category=FOOD_AND_DRINK"));
        browser.choose("#language", "zh");
        browser.awaitText("main h1", "查找小程序");
        String address = browser.driver().getCurrentUrl();
        assertThat(address).contains("q=Addressable", "sort=INSTALLS", "category=FOOD_AND_DRINK", "lang=zh");

        // A fresh visitor (no remembered language, no earlier search) opening the shared address sees the same.
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.driver().navigate().refresh();
        browser.awaitText("main h1", "查找小程序");
        browser.find("#results [data-program-id='" + program + "']");
        assertThat(browser.find("#search").getAttribute("value")).isEqualTo("Addressable");
        assertThat(browser.find("#sort").getAttribute("value")).isEqualTo("INSTALLS");
        assertThat(browser.find("input[data-facet=categories][value=FOOD_AND_DRINK]").isSelected()).isTrue();
    }

    /** 9. On a phone the results come first, the facets fold behind a button; version actions fit the screen. */
    @Test
    void onAPhoneResultsComeFirstAndVersionActionsFit() {
        String program = marketplace.publish("dev-pocket", Marketplace.listing(
                "Pocket Facet Folding", "TOOLS", List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta",
                                                         "eta", "theta", "iota", "kappa")));
        browser.resize(390, 844);
        browser.open("#/");
        browser.awaitAfter(() -> search("Pocket Facet"),
                           d -> d.findElement(By.cssSelector("#results [data-program-id='" + program + "']")));
        assertThat(browser.find("aside.facets").isDisplayed()).isFalse();
        browser.screenshot("catalogue-phone-results");
        WebElement first = browser.find("#results .card");
        long viewport = (Long) browser.script("return window.innerHeight");
        assertThat((long) first.getLocation().getY()).as("first result within the first screen").isLessThan(viewport);
        assertThat(browser.text("#facets-toggle")).isEqualTo("Filters");
        browser.click("#facets-toggle");
        browser.await(d -> d.findElement(By.id("facets")).isDisplayed());
        assertThat(browser.find("#facets-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        browser.click("input[data-facet=categories][value=TOOLS]");
        browser.awaitText("#facets-toggle", "Filters (1 active)");
        browser.screenshot("catalogue-phone-filters");

        String next = marketplace.submit("dev-pocket", program, "1.1.0");
        marketplace.approve("reviewer-pocket", next);
        browser.signIn("dev-pocket", "DEVELOPER");
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("#versions tr[data-version='1.1.0'] button.release")));
        WebElement release = browser.find("#versions tr[data-version='1.1.0'] button.release");
        long width = (Long) browser.script("return document.documentElement.clientWidth");
        assertThat((long) (release.getLocation().getX() + release.getSize().getWidth())).isLessThanOrEqualTo(width);
        assertThat((Boolean) browser.script("const w = document.querySelector('#versions .table-wrap');"
                                            + " return w.scrollWidth <= w.clientWidth;")).isTrue();
        browser.screenshot("versions-phone", "#versions");
    }

    /** 10. The Chinese interface shows the history in Chinese. */
    @Test
    void theChineseInterfaceShowsAChineseHistory() {
        String program = marketplace.publish("dev-zh-history", "中文历史 Chinese History");
        browser.open("#/");
        browser.choose("#language", "zh");
        browser.signIn("dev-zh-history", "DEVELOPER");
        browser.open("#/developer/program/" + program);
        browser.awaitText("#history", "批准了版本 1.0.0：Looks good");
        assertThat(browser.text("#history")).contains("注册了“中文历史 Chinese History”", "向全部用户发布了版本 1.0.0")
                .doesNotContain("approved").doesNotContain("Released");
        browser.screenshot("history-zh", "#history");
    }

    /** 11. One install is "1 install"; counts follow the language's plural rules and number format. */
    @Test
    void countsUseThePluralAndNumberFormatOfTheLanguage() {
        String program = marketplace.publish("dev-plural", "Singular Plural Pier");
        marketplace.rate("only-rater", program, 4, null);
        browser.awaitAfter(() -> browser.open("#/program/" + program), d -> {
            String meta = d.findElement(By.cssSelector("#program-meta")).getText();
            return meta.contains("1 install") && !meta.contains("Not rated yet");
        });
        assertThat(browser.text("#program-meta")).doesNotContain("1 installs");
        assertThat(browser.find("#program-meta .stars").getAttribute("aria-label"))
                .isEqualTo("Rated 4.0 out of 5 by 1 user");
        browser.choose("#language", "zh");
        browser.awaitText("#program-meta", "1 次安装");
    }

    /** 12. "Sign in to install and rate" is a link, and signing in comes back to the program. */
    @Test
    void signingInFromAProgramComesBackToIt() {
        String program = marketplace.publish("dev-return", "Return Trip Ferries");
        browser.awaitAfter(() -> browser.open("#/program/" + program),
                           d -> d.findElement(By.cssSelector("main h1")).getText().equals("Return Trip Ferries"));
        browser.click("main a[href^='#/signin']");
        WebElement form = browser.find("#sign-in-form");
        form.findElement(By.name("userId")).sendKeys("returning-user");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitText("main h1", "Return Trip Ferries");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/program/" + program);
        browser.find("#install");
    }

    /** 13. Hidden ratings stay visible to the developer; flags are for reviewers; a report is confirmed once. */
    @Test
    void hiddenRatingsFlagsAndReports() {
        String program = marketplace.publish("dev-hidden", "Hidden Rating Harbour");
        String rating = marketplace.rate("loud-rater", program, 1, "Buy followers at example.org");

        browser.signIn("careful-user", "USER");
        browser.awaitAfter(() -> browser.open("#/program/" + program),
                           d -> d.findElement(By.cssSelector("[data-rating-id='" + rating + "'] button.secondary")));
        browser.click("[data-rating-id='" + rating + "'] button.secondary");
        browser.awaitText("[data-rating-id='" + rating + "']", "Reported. A reviewer will look at it.");
        assertThat(browser.driver().findElements(By.cssSelector("[data-rating-id='" + rating + "'] button")))
                .isEmpty();
        browser.awaitAfter(() -> browser.open("#/program/" + program),
                           d -> d.findElement(By.cssSelector("[data-rating-id='" + rating + "'] .reported")));
        assertThat(browser.driver().findElements(By.cssSelector("[data-rating-id='" + rating + "'] button")))
                .as("no second report").isEmpty();
        assertThat(browser.text("#ratings")).doesNotContain("Flags");

        marketplace.hide("reviewer-hidden", rating);
        browser.signOut();
        browser.signIn("dev-hidden", "DEVELOPER");
        WebElement shown = browser.awaitAfter(() -> browser.open("#/program/" + program),
                d -> d.findElement(By.cssSelector("#ratings [data-rating-id='" + rating + "']")));
        assertThat(shown.getText()).contains("Hidden from the public", "Buy followers");
    }

    /** 14. A browser opening the API's address gets GraphiQL, where README sends people. */
    @Test
    void aBrowserAtTheApiAddressGetsGraphiQl() throws Exception {
        browser.driver().get("http://127.0.0.1:" + port + "/graphql");
        browser.await(d -> d.getCurrentUrl().contains("/graphiql"));
        assertThat(browser.driver().getPageSource()).doesNotContain("405").containsIgnoringCase("graphiql");
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("GraphiQL in a browser on http://localhost:8080/graphiql");
    }

    /** 15. Rolling back asks first, and never offers to "roll back" to a newer version. */
    @Test
    void rollingBackAsksFirstAndNeverRollsForward() {
        String program = marketplace.publish("dev-confirm", "Confirmed Rollbacks");
        marketplace.releaseNew("dev-confirm", program, "1.1.0", "reviewer-confirm");

        browser.signIn("dev-confirm", "DEVELOPER");
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("#versions tr[data-version='1.0.0'] button.rollback")));
        browser.click("#versions tr[data-version='1.0.0'] button.rollback");
        browser.awaitText("#versions tr[data-version='1.0.0']", "Roll back from 1.1.0 to 1.0.0?");
        assertThat(browser.text("#versions tr[data-version='1.1.0']")).contains("Released");
        browser.click("#versions tr[data-version='1.0.0'] button.cancel-rollback");
        browser.find("#versions tr[data-version='1.0.0'] button.rollback");
        assertThat(browser.text("#versions tr[data-version='1.1.0']")).contains("Released");

        browser.click("#versions tr[data-version='1.0.0'] button.rollback");
        browser.click("#versions tr[data-version='1.0.0'] button.confirm-rollback");
        browser.awaitText("#versions tr[data-version='1.0.0']", "Released");
        browser.awaitText("#versions tr[data-version='1.1.0']", "Superseded");
        assertThat(browser.driver().findElements(By.cssSelector("#versions button.rollback"))).isEmpty();
        assertThat(browser.text("#versions")).doesNotContain("Roll back to 1.1.0");
        browser.screenshot("after-rollback", "#versions");
    }

    /** 16. Every page has an icon. */
    @Test
    void theFaviconIsServed() {
        browser.open("#/");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/favicon.ico').then(r => r.arrayBuffer().then(b => done({status: r.status,
                    type: r.headers.get('Content-Type'), size: b.byteLength})));""");
        assertThat(answer.get("status")).isEqualTo(200L);
        assertThat((String) answer.get("type")).startsWith("image/");
        assertThat((Long) answer.get("size")).isGreaterThan(100L);
    }

    /**
     * Also expected: the program page names its developer, ratings past the first 50 can be shown, and they can be
     * sorted by stars.
     */
    @Test
    void theProgramPageNamesItsDeveloperAndPagesItsRatings() {
        String program = marketplace.publish("dev-many-ratings", "Many Ratings Market");
        for (int i = 1; i <= 51; i++) {
            marketplace.rate("rater-" + i, program, 1 + i % 5, "Rating number " + i);
        }
        browser.awaitAfter(() -> browser.open("#/program/" + program),
                           d -> d.findElement(By.id("more-ratings")).getText().contains("1 more"));
        assertThat(browser.text("#program-developer")).isEqualTo("By dev-many-ratings");
        assertThat(browser.driver().findElements(By.cssSelector("#ratings [data-rating-id]"))).hasSize(50);
        browser.click("#more-ratings");
        browser.await(d -> d.findElements(By.cssSelector("#ratings [data-rating-id]")).size() == 51);
        assertThat(browser.driver().findElements(By.cssSelector("#ratings .rating-text")))
                .extracting(WebElement::getText).contains("Rating number 1", "Rating number 51")
                .doesNotHaveDuplicates();
        assertThat(browser.driver().findElements(By.id("more-ratings"))).isEmpty();

        // Sorted by stars: the newest five-star rating (number 49) leads, then the newest one-star (number 50).
        browser.choose("#ratings-sort", "HIGHEST");
        browser.await(d -> d.findElement(By.cssSelector("#ratings .rating-text")).getText()
                            .equals("Rating number 49"));
        browser.choose("#ratings-sort", "LOWEST");
        browser.await(d -> d.findElement(By.cssSelector("#ratings .rating-text")).getText()
                            .equals("Rating number 50"));
        assertThat(browser.driver().findElements(By.cssSelector("#ratings [data-rating-id]"))).hasSize(50);
        browser.click("#more-ratings");
        browser.await(d -> d.findElements(By.cssSelector("#ratings [data-rating-id]")).size() == 51);
        assertThat(browser.driver().findElements(By.cssSelector("#ratings .rating-text")).get(50).getText())
                .as("the last of the lowest-first list is a five-star rating")
                .isIn("Rating number 4", "Rating number 9", "Rating number 14");
    }

    /** Also expected: a signed-in user's installed programs, each with uninstall. */
    @Test
    void aUserSeesTheirInstalledProgramsAndUninstallsOne() {
        String kept = marketplace.publish("dev-installs", "Kept Installed Kite");
        String dropped = marketplace.publish("dev-installs", "Dropped Installed Drum");
        marketplace.publish("dev-installs", "Never Installed Nest");
        marketplace.install("installing-user", kept);
        marketplace.install("installing-user", dropped);

        browser.signIn("installing-user", "USER");
        browser.click("nav a[href='#/installed']");
        browser.awaitAfter(() -> browser.open("#/installed"),
                           d -> d.findElements(By.cssSelector("#installed-programs [data-program-id]")).size() == 2);
        assertThat(browser.text("#installed-programs")).contains("Kept Installed Kite", "Dropped Installed Drum")
                .doesNotContain("Never Installed Nest");
        browser.click("#installed-programs [data-program-id='" + dropped + "'] button.uninstall");
        browser.awaitText("#installed-status", "Dropped Installed Drum is uninstalled.");
        assertThat(browser.driver().findElements(By.cssSelector("#installed-programs [data-program-id]")))
                .hasSize(1);
        browser.awaitAfter(() -> browser.open("#/installed"),
                           d -> d.findElements(By.cssSelector("#installed-programs [data-program-id]")).size() == 1);
        assertThat(browser.text("#installed-programs")).contains("Kept Installed Kite");
        browser.screenshot("installed");
    }

    /** Also expected: the catalogue's first load is small, all from this origin, with no framework to download. */
    @Test
    void theCatalogueFirstLoadIsSmallAndAllOwnFiles() {
        browser.driver().get("about:blank");
        browser.open("#/");
        browser.find("#results-title");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) browser.script("""
                return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                  .filter(e => e.initiatorType !== 'fetch')
                  .map(e => ({name: e.name, size: e.encodedBodySize}));""");
        long total = files.stream().mapToLong(f -> ((Number) f.get("size")).longValue()).sum();
        System.out.printf("catalogue first load: %d files, %d bytes%n", files.size(), total);
        assertThat(files).allSatisfy(f -> assertThat((String) f.get("name"))
                .startsWith("http://127.0.0.1:" + port + "/"));
        assertThat(total).as("bytes of the catalogue's own files").isLessThan(250_000L);
    }

    /**
     * A registered program whose version 1.0.0 is approved, never released (so the program is a draft), shown on
     * its developer's page once the release button is there; returns its id.
     */
    private String approvedDraft(String developer, String name) {
        String program = marketplace.register(developer, name);
        marketplace.approve("reviewer-of-" + developer, marketplace.submit(developer, program, "1.0.0"));
        browser.signIn(developer, "DEVELOPER");
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("#versions tr[data-version='1.0.0'] button.release")));
        return program;
    }
}
