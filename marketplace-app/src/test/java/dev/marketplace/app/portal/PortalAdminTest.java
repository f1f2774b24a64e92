package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The administrator's page: an admin signed in through the development sign-in starts a catalogue rebuild and
 * watches its progress bar reach DONE, and backtests candidate ranking weights; anyone else is shown the sign-in
 * note instead. Its own index prefix, since a
 * rebuild replaces the context's catalogue index.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.security.dev-sign-in.allow-admin=true",
        "marketplace.catalogue.index-prefix=portal-admin-", "marketplace.catalogue.rebuild.poll-interval=200ms"})
class PortalAdminTest extends BrowserTest {

    @Test
    void anAdminStartsARebuildAndWatchesItsProgressBarReachDone() {
        marketplace.publish("dev-admin-page", "Rebuilt From The Portal");
        browser.signIn("admin-portal", "ADMIN");
        browser.click("nav a[href='#/admin']");
        browser.awaitText("#rebuild-none", "not been rebuilt");

        browser.click("#rebuild-start");
        browser.awaitText("#rebuild-started", "by admin-portal");
        browser.await(d -> d.findElement(By.id("rebuild-state")).getAttribute("data-state").equals("DONE"));
        WebElement bar = browser.find("progress#rebuild-bar");
        assertThat(bar.getAttribute("value")).as("the bar at the end").isEqualTo(bar.getAttribute("max"));
        assertThat(Double.parseDouble(bar.getAttribute("max"))).as("events to replay").isGreaterThanOrEqualTo(4);
        assertThat(browser.text("#rebuild-state")).isEqualTo("Done");
        assertThat(browser.text("#rebuild-left")).isEqualTo("0 s");
        assertThat(browser.text("#rebuild-count")).matches("\\d+ of \\d+");
        browser.screenshot("admin-rebuild");
    }

    /**
     * One recorded search showed "Tapirsoda Fresh" second (popularity puts the much installed "Tapirsoda Crowded"
     * first) and its searcher installed it; with the sliders set to rating only, the candidate puts it first: mean
     * reciprocal rank 0.5 then, 1 with the candidate.
     */
    @Test
    void anAdminBacktestsSliderWeightsAndSeesBothRankingsSideBySide() {
        Instant from = passed(Instant.now(), 1100);
        String crowded = marketplace.publish("dev-tapir", "Tapirsoda Crowded");
        for (int i = 0; i < 20; i++) {
            marketplace.install("tapir-fan-" + i, crowded);
        }
        String fresh = marketplace.publish("dev-tapir", "Tapirsoda Fresh");
        marketplace.rate("tapir-critic", fresh, 5, "Fizzy");
        await().atMost(Duration.ofSeconds(30)).until(() -> marketplace.anonymous().documentName("search")
                .variable("query", "Tapirsoda").execute().path("catalogue.edges[*].node.id")
                .entityList(String.class).get().equals(List.of(crowded, fresh)));
        String searchId = marketplace.as("tapir-searcher", Role.USER).documentName("authorization/searchId")
                .variable("query", "Tapirsoda").execute().path("catalogue.searchId").entity(String.class).get();
        marketplace.as("tapir-searcher", Role.USER).documentName("authorization/chooseSearchResult")
                .variable("searchId", searchId).variable("miniProgramId", fresh).variable("action", "INSTALLED")
                .execute().path("chooseSearchResult.position").entity(Integer.class).isEqualTo(2);
        marketplace.install("tapir-searcher", fresh);
        // The page takes whole seconds: a second past the install, so the search is before even a rounded end.
        Instant to = passed(Instant.now(), 1100).plusSeconds(1);

        browser.signIn("admin-backtest", "ADMIN");
        browser.click("nav a[href='#/admin']");
        browser.awaitText("#weight-installs-value", "0.15");
        browser.script("""
                const set = (id, value) => {
                  const input = document.getElementById(id);
                  input.value = value;
                  input.dispatchEvent(new Event('input'));
                };
                const local = millis => new Date(millis - new Date().getTimezoneOffset() * 60000).toISOString()
                                                                                                  .slice(0, 19);
                set('weight-installs', '0');
                set('weight-rating', '5');
                set('backtest-from', local(arguments[0]));
                set('backtest-to', local(arguments[1]));""", from.toEpochMilli(), to.toEpochMilli());
        assertThat(browser.text("#weight-rating-value")).isEqualTo("5");
        browser.click("#backtest-start");
        browser.await(d -> d.findElement(By.id("backtest-state")).getAttribute("data-state").equals("DONE"));

        WebElement period = browser.find("#backtest-period");
        assertThat(Instant.parse(period.getAttribute("data-from"))).as("from").isBetween(from.minusSeconds(1), from);
        assertThat(Instant.parse(period.getAttribute("data-to"))).as("to").isBetween(to.minusSeconds(1), to);
        assertThat(browser.text("#backtest-figures tr[data-figure='installs'] td.then")).as("searches found")
                .isEqualTo("1");
        assertThat(browser.text("#backtest-figures tr[data-figure='meanReciprocalRank'] td.then")).isEqualTo("0.500");
        assertThat(browser.text("#backtest-figures tr[data-figure='meanReciprocalRank'] td.candidate"))
                .isEqualTo("1.000");
        assertThat(browser.text("#backtest-figures tr[data-figure='installs'] td.candidate")).isEqualTo("1");
        assertThat(browser.text("#backtest-queries")).contains("Tapirsoda").contains("place 2.0 then, 1.0");
        browser.screenshot("admin-backtest");
    }

    private static Instant passed(Instant at, long millis) {
        await().until(() -> Instant.now().isAfter(at.plusMillis(millis)));
        return at;
    }

    @Test
    void theAdminPageIsOnlyForAdmins() {
        browser.signIn("rev-not-admin", "REVIEWER");
        assertThat(browser.driver().findElements(By.cssSelector("nav a[href='#/admin']"))).isEmpty();
        browser.open("#/admin");
        browser.awaitText("#access-refused", "Administrator");
        assertThat(browser.driver().findElements(By.id("rebuild-start"))).isEmpty();
    }

    @Test
    void theReviewPageShowsTheChecksFindingsAndAnAdminOverridesThem() {
        String program = marketplace.register("dev-checks-page", "Leaky Keys " + System.nanoTime() % 100_000);
        String digest = marketplace.upload("dev-checks-page", TestPackages.good()
                .text("utils/cloud.js", "// storage\nconst key = 'AKIAIOSFODNN7EXAMPLE';\n").zip());
        String version = marketplace.submit("dev-checks-page", program, "1.0.0", digest);
        assertThat(marketplace.awaitChecks("rev-checks", version)).isEqualTo("FAILED");

        browser.signIn("admin-checks", "ADMIN");
        browser.open("#/reviewer/version/" + URLEncoder.encode(version, StandardCharsets.UTF_8));
        browser.awaitText("#checks .checks-status", "The package checks found blocking problems.");
        assertThat(browser.text("#checks li[data-code=SECRET]")).contains("Blocking", "utils/cloud.js:2");
        browser.screenshot("review-checks");

        browser.click("#approve");
        browser.awaitText("#decision .form-status", "The package checks found blocking problems, so this version "
                                                    + "cannot be approved.");
        browser.click("#decision [name=overrideChecks]");
        browser.type("#decision [name=comment]", "The key is AWS's documented example, not a real one");
        browser.click("#approve");
        browser.awaitText("#decided", "Version 1.0.0 is Approved.");
    }
}
