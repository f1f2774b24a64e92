package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The whole life of a mini-program through the portal in a real browser, three people in three windows: a developer
 * registers and submits, a reviewer rejects with reasons, the developer sees them arrive without reloading,
 * resubmits, the reviewer approves, the developer releases to 50 % then 100 %, a user finds the program by a
 * misspelling, by its Chinese name and by a suggestion while typing, installs and rates it, and the developer replies.
 */
@MarketplaceIntegrationTest
class PortalJourneyTest extends BrowserTest {

    static final String NAME = "渡轮购票 Harbour Ferry Tickets";

    @Test
    void aProgramGoesFromSubmissionToARepliedRating() {
        String developer = browser.window();
        browser.signIn("dev-ferry", "DEVELOPER");
        browser.click("#register-link");
        browser.type("#register-form [name=name]", NAME);
        browser.type("#register-form [name=summary]", "Buy harbour ferry tickets and board with a QR code");
        browser.type("#register-form [name=description]", "Timetables, tickets and boarding passes for the harbour.");
        browser.choose("#register-form [name=category]", "TRANSPORT");
        browser.type("#register-form [name=tags]", "ferry, tickets");
        browser.click("#register-form button[type=submit]");
        browser.awaitText("main h1", NAME);
        String programId = browser.driver().getCurrentUrl().replaceAll(".*#/developer/program/", "");

        submit("1.0.0", "First sailing", "CAMERA", "LOCATION");
        browser.awaitText("#versions tr[data-version='1.0.0']", "In review");
        browser.script("window.stillTheSamePage = true");

        String reviewer = browser.newWindow();
        browser.signIn("rita-reviewer", "REVIEWER");
        browser.screenshot("review-queue");
        openReview(NAME + " 1.0.0");
        assertThat(browser.text("#changes")).contains("This is the first version");
        browser.click("#claim");
        browser.awaitText("#decision .form-status", "You have claimed this review.");
        browser.click("#decision input[value=CRASHES]");
        browser.click("#decision input[value=PERMISSIONS_NOT_JUSTIFIED]");
        browser.type("#decision [name=comment]", "It closes when the camera opens; why does it need location?");
        browser.click("#reject");
        browser.awaitText("#decided", "Version 1.0.0 is Rejected.");

        browser.switchTo(developer);
        WebElement decision = browser.awaitText("#live-decision", "Version 1.0.0 is now rejected.");
        assertThat(decision.getText()).contains("Reasons: It crashes, Permissions are not justified.")
                .contains("Reviewer’s comment: It closes when the camera opens; why does it need location?");
        assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);
        browser.awaitText("#versions tr[data-version='1.0.0']", "Rejected");

        submit("1.0.1", "Fixed the camera crash; location is no longer needed", "CAMERA");
        browser.awaitText("#versions tr[data-version='1.0.1']", "In review");

        browser.switchTo(reviewer);
        // Approval waits for the package checks, which run on their own after the submission; the review page shows
        // where they stood when it was opened.
        assertThat(marketplace.awaitChecks("rita-reviewer", programId + "/1.0.1")).isNotEqualTo("FAILED");
        openReview(NAME + " 1.0.1");
        assertThat(browser.text("#changes")).contains("Compared with version 1.0.0");
        assertThat(browser.text("[data-diff=permission-removed]")).isEqualTo("Location");
        assertThat(browser.text("[data-diff=permission-added]")).isEqualTo("None");
        browser.screenshot("review-page");
        browser.click("#approve");
        browser.awaitText("#decided", "Version 1.0.1 is Approved.");

        browser.switchTo(developer);
        browser.awaitText("#live-decision", "Version 1.0.1 is now approved.");
        browser.type("#versions tr[data-version='1.0.1'] input.percentage", "50");
        browser.click("#versions tr[data-version='1.0.1'] button.release");
        browser.awaitText("#versions tr[data-version='1.0.1']", "50% of users");
        browser.type("#versions tr[data-version='1.0.1'] input.percentage", "100");
        browser.click("#versions tr[data-version='1.0.1'] button.release");
        browser.awaitText("#versions tr[data-version='1.0.1']", "100% of users");
        browser.awaitText("#history", "Released 1.0.1 to all users");
        assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);

        browser.switchTo(reviewer);
        browser.signOut();
        browser.signIn("uma-user", "USER");
        browser.open("#/");
        findInCatalogue("Harbuor Fery", programId);
        browser.screenshot("catalogue");
        findInCatalogue("渡轮购票", programId);
        browser.type("#search", "harbour ferry ti");
        browser.awaitText("[role=listbox]", NAME);
        WebElement search = browser.find("#search");
        assertThat(search.getAttribute("aria-expanded")).isEqualTo("true");
        for (int i = 0; i < 8 && !NAME.equals(activeSuggestion()); i++) {
            search.sendKeys(Keys.ARROW_DOWN);
        }
        search.sendKeys(Keys.ENTER);
        browser.await(d -> d.findElement(By.id("search")).getAttribute("value").equals(NAME));
        browser.find("#results [data-program-id='" + programId + "']");
        browser.click("[data-program-id='" + programId + "'] a.program-name");
        browser.awaitText("main h1", NAME);
        browser.click("#install");
        browser.awaitText("main .form-status", "Installed.");
        browser.awaitText("#install-controls", "You have this program installed.");
        assertThat(browser.driver().findElements(By.id("install"))).as("no second install button").isEmpty();
        browser.awaitAfter(() -> browser.open("#/program/" + programId),
                           d -> d.findElement(By.cssSelector("#install-controls #uninstall")));
        browser.click("#stars-4");
        browser.type("#rating-text", "Boarding took ten seconds.");
        browser.click("#rate-form button[type=submit]");
        browser.awaitText("#rate-form .form-status", "Thank you: your rating is saved.");
        browser.awaitText("#ratings", "Boarding took ten seconds.");

        browser.switchTo(developer);
        WebElement rating = browser.awaitAfter(() -> browser.open("#/developer/program/" + programId),
                d -> d.findElement(By.cssSelector("#developer-ratings [data-rating-id]")));
        assertThat(rating.getText()).contains("Boarding took ten seconds.").contains("by uma-user");
        browser.type("#developer-ratings .reply-form textarea", "Thank you for sailing with us!");
        browser.click("#developer-ratings .reply-form button[type=submit]");
        browser.awaitText("#developer-ratings .reply", "Thank you for sailing with us!");
        browser.screenshot("developer-program");
        browser.open("#/developer");
        browser.awaitText("#my-programs", NAME);
        assertThat(browser.text("#my-programs")).contains("1.0.1").contains("Released")
                .contains("1.0.0").contains("Rejected");
        browser.screenshot("my-programs");

        browser.switchTo(reviewer);
        browser.awaitAfter(() -> browser.open("#/program/" + programId),
                           d -> d.findElement(By.cssSelector("#ratings .reply")).getText()
                                 .contains("Thank you for sailing with us!"));
        assertThat(browser.text("#version-number")).isEqualTo("Version 1.0.1");
        assertThat(browser.text(".histogram")).contains("4 of 5 stars: 1");
        browser.screenshot("program");
    }

    private void submit(String version, String changelog, String... permissions) {
        browser.type("#submit-form [name=version]", version);
        browser.type("#submit-form [name=changelog]", changelog);
        for (WebElement box : browser.driver().findElements(By.cssSelector("#submit-form [name=permissions]"))) {
            if (box.isSelected() != java.util.Arrays.asList(permissions).contains(box.getAttribute("value"))) {
                box.click();
            }
        }
        WebElement fulfilment = browser.find("#submit-form [name=privacyUses][value=ORDER_FULFILMENT]");
        if (!fulfilment.isSelected()) {
            fulfilment.click();
        }
        pickPackage(version);
        browser.click("#submit-form button[type=submit]");
        browser.awaitText("#submit-form .form-status", "Version " + version + " is submitted for review.");
    }

    /** Picks a package for {@code version} (asking for the camera) in the file picker and waits for its upload. */
    private void pickPackage(String version) {
        try {
            Path file = Files.createTempDirectory("journey").resolve("harbour-" + version + ".zip");
            Files.write(file, TestPackages.good().text("VERSION", version).zip());
            browser.find("#submit-form [name=package]").sendKeys(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.awaitText("#submit-form .upload-status", "harbour-" + version + ".zip is uploaded");
    }

    /** The reviewer's queue, refreshed until the version shows up (on whichever page), then its review page. */
    private void openReview(String linkText) {
        browser.open("#/reviewer");
        By link = By.linkText("Review " + linkText);
        browser.awaitAfter(this::showWholeQueue, d -> d.findElement(link));
        String entry = browser.await(d -> d.findElement(link).findElement(By.xpath("..")).getText());
        assertThat(entry).containsPattern("waiting \\d+ s");
        browser.click(link);
        browser.awaitText("main h1", "Review " + linkText);
    }

    /** The suggestion the keyboard has reached, as the search box tells assistive technology. */
    private Object activeSuggestion() {
        return browser.script("const id = document.getElementById('search').getAttribute('aria-activedescendant');"
                              + " return id ? document.getElementById(id).textContent : null;");
    }

    private void findInCatalogue(String query, String programId) {
        browser.awaitAfter(() -> search(query),
                           d -> d.findElement(By.cssSelector("#results [data-program-id='" + programId + "']")));
    }
}
