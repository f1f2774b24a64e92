package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * Moderation and automation in the portal: a user reports a program after confirming, a reviewer sees the report in
 * the abuse reports queue and dismisses it, a developer creates an API key and a webhook (each secret shown once
 * with a copy button) and revokes the key.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = "marketplace.webhooks.allow-insecure-loopback=true")
class PortalModerationTest extends BrowserTest {

    @Test
    void aReportIsSentAfterConfirmingAndAReviewerDismissesIt() {
        String program = marketplace.publish("dev-portal-report", "Reported In The Portal");
        browser.signIn("portal-reporter", "USER");
        browser.open("#/program/" + program);
        browser.click("#report-open");
        browser.choose("#report-reason", "IMPERSONATION");
        browser.type("#report-text", "Pretends to be my bank");
        browser.click("#report-send");
        browser.awaitText("#report-form .form-status", "Send the report?");
        browser.click("#report-send");
        browser.awaitText("#report-sent", "sent to the reviewers");
        browser.screenshot("report-program");

        browser.signOut();
        browser.signIn("portal-moderator", "REVIEWER");
        browser.awaitAfter(() -> browser.open("#/reviewer/reports"),
                           d -> d.findElement(By.cssSelector("[data-report='report:" + program
                                                             + ":portal-reporter']")));
        String item = "[data-report='report:" + program + ":portal-reporter']";
        assertThat(browser.text(item)).contains("Impersonation").contains("Pretends to be my bank");
        browser.screenshot("abuse-reports");
        browser.click(item + " button[data-action='DISMISS']");
        browser.awaitText(item + " .status", "Dismissed");
    }

    @Test
    void aDeveloperSeesEachSecretOnceAndRevokesAKey() {
        browser.signIn("dev-portal-keys", "DEVELOPER");
        browser.click("nav a[href='#/developer/automation']");
        browser.awaitText("#api-keys", "No API keys yet");

        browser.type("#key-name", "Nightly build");
        browser.click("#key-create");
        String key = browser.await(d -> {
            String value = d.findElement(By.id("secret-value")).getAttribute("value");
            return value.startsWith("mpk_") ? value : null;
        });
        assertThat(key).hasSizeGreaterThan(50);
        browser.click("#secret-copy");
        browser.awaitText("#secret-copied", "Copied");
        browser.awaitText("#api-keys", "Nightly build");
        assertThat(browser.text("#api-keys")).doesNotContain(key.substring(17));
        browser.screenshot("api-keys");

        browser.type("#hook-url", "http://127.0.0.1:9/hooks");
        browser.click("#hook-create");
        browser.await(d -> d.findElement(By.id("secret-value")).getAttribute("value").startsWith("whsec_"));
        browser.awaitText("#webhooks", "http://127.0.0.1:9/hooks");

        browser.click("#api-keys button[data-revoke]");
        browser.awaitText("#api-keys [data-revoked]", "Revoked");
    }

    @Test
    void aReviewerAsksWithATemplateAndTheDeveloperAnswers() {
        String program = marketplace.register("dev-portal-talk", "Questioned In The Portal");
        String version = marketplace.submit("dev-portal-talk", program, "1.0.0");
        marketplace.as("portal-asker", dev.marketplace.api.security.Role.REVIEWER)
                   .documentName("authorization/saveCannedResponse")
                   .variable("input", java.util.Map.of("title", "Camera", "text", "Which feature uses the camera?"))
                   .execute().path("saveCannedResponse.id").hasValue();

        browser.signIn("portal-asker", "REVIEWER");
        browser.awaitAfter(() -> browser.open("#/reviewer/version/" + version.replace("/", "%2F")),
                           d -> d.findElement(By.id("ask-form")));
        browser.choose("#ask-form select.canned", browser.find("#ask-form select.canned option:nth-child(2)")
                                                        .getAttribute("value"));
        assertThat(browser.find("#ask-text").getAttribute("value")).isEqualTo("Which feature uses the camera?");
        browser.click("#ask");
        browser.awaitText("#conversation", "Which feature uses the camera?");
        browser.screenshot("review-conversation");

        browser.signOut();
        browser.signIn("dev-portal-talk", "DEVELOPER");
        browser.awaitAfter(() -> browser.open("#/developer/program/" + program),
                           d -> d.findElement(By.cssSelector("tr[data-version='1.0.0'] .answer-form")));
        browser.type("tr[data-version='1.0.0'] .answer-text", "To scan the ticket barcode");
        browser.click("tr[data-version='1.0.0'] button.answer");
        browser.awaitText("tr[data-version='1.0.0']", "In review");
    }

    @Test
    void theQueueNarrowsToANameAndShowsEachItemsContext() {
        String program = marketplace.publish("dev-portal-queue", "Filtered Queue Kiosk");
        marketplace.reject("portal-queue-rev", marketplace.submit("dev-portal-queue", program, "1.1.0"), "Crashes");
        String waiting = marketplace.submit("dev-portal-queue", program, "1.2.0");
        marketplace.submit("dev-portal-queue", marketplace.register("dev-portal-queue", "Other Queue Stall"), "1.0.0");

        browser.signIn("portal-queue-reviewer", "REVIEWER");
        browser.open("#/reviewer");
        browser.type("#queue-text", "Filtered Queue");
        browser.awaitAfter(() -> browser.click("#queue-filter"), d -> {
            var items = d.findElements(By.cssSelector("#queue .queue-item"));
            return items.size() == 1 && waiting.equals(items.get(0).getAttribute("data-version-id")) ? items : null;
        });
        assertThat(browser.text("[data-version-id='" + waiting + "'] .context"))
                .contains("Developer dev-portal-queue").contains("1.1.0 Rejected (It crashes)");
        browser.screenshot("review-queue-filtered");
    }

    @Test
    void theQueueNarrowsToAPermissionAndToFailedChecks() {
        String failed = marketplace.submit("dev-portal-checks", marketplace.register("dev-portal-checks",
                "Checked Queue Failing Kiosk"), "1.0.0", marketplace.upload("dev-portal-checks", TestPackages.good()
                        .text("utils/cloud.js", "const key = 'AKIAIOSFODNN7EXAMPLE';\n").zip()));
        String passed = marketplace.submit("dev-portal-checks", marketplace.register("dev-portal-checks",
                "Checked Queue Passing Kiosk"), "1.0.0");
        assertThat(marketplace.awaitChecks("portal-checks-rev", failed)).isEqualTo("FAILED");
        assertThat(marketplace.awaitChecks("portal-checks-rev", passed)).isEqualTo("PASSED");

        browser.signIn("portal-checks-reviewer", "REVIEWER");
        browser.open("#/reviewer");
        browser.type("#queue-text", "Checked Kiosk");
        browser.choose("#queue-permission", "CAMERA");
        browser.choose("#queue-checks", "FAILED");
        browser.awaitAfter(() -> browser.click("#queue-filter"), d -> {
            var items = d.findElements(By.cssSelector("#queue .queue-item"));
            return items.size() == 1 && failed.equals(items.get(0).getAttribute("data-version-id")) ? items : null;
        });
        browser.choose("#queue-permission", "LOCATION");
        browser.choose("#queue-checks", "");
        browser.awaitAfter(() -> browser.click("#queue-filter"),
                           d -> d.findElements(By.cssSelector("#queue .queue-item")).isEmpty()
                                && !d.findElements(By.cssSelector("#queue .note")).isEmpty());
    }

    @Test
    void aBadWebhookUrlIsShownNextToItsField() {
        browser.signIn("dev-portal-hooks", "DEVELOPER");
        browser.open("#/developer/automation");
        browser.type("#hook-url", "http://10.0.0.8/hooks");
        browser.click("#hook-create");
        browser.awaitText("[data-error-for='input.url']", "https URL of a public server");
    }
}
