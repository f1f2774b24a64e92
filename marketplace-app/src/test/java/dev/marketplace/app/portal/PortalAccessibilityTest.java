package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.api.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page of the portal passes axe-core (the npm package's own axe.min.js, from the test classpath) with no
 * serious or critical violation, in English and Chinese and on a phone; and the search, a form and the review
 * actions work with the keyboard alone.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = "marketplace.security.dev-sign-in.allow-admin=true")
class PortalAccessibilityTest extends BrowserTest {

    static final String AXE = read("/axe/axe.min.js");

    @Test
    void everyPagePassesAxeInBothLanguagesAndOnAPhone() {
        String program = marketplace.publish("dev-axe", Marketplace.listing("Accessible Aquarium", "EDUCATION",
                                                                           List.of("fish", "aquarium")));
        String rating = marketplace.rate("rater-axe", program, 4, "Lovely fish");
        marketplace.as("dev-axe", Role.DEVELOPER).documentName("authorization/replyToRating")
                   .variable("ratingId", rating).variable("text", "Thank you!").execute();
        String waiting = marketplace.submit("dev-axe", program, "1.1.0");

        // Each page with what shows it has finished drawing; who looks at it.
        Map<String, String> anonymous = new LinkedHashMap<>();
        anonymous.put("#/?q=Accessible", "#results .card");
        anonymous.put("#/program/" + program, "#ratings [data-rating-id]");
        anonymous.put("#/signin", "#sign-in-form");
        Map<String, String> developer = new LinkedHashMap<>();
        developer.put("#/developer", "#my-programs");
        developer.put("#/installed", "main h1");
        developer.put("#/developer/new", "#register-form");
        developer.put("#/developer/program/" + program, "#history li");
        Map<String, String> reviewer = new LinkedHashMap<>();
        reviewer.put("#/reviewer", "#queue");
        reviewer.put("#/reviewer/version/" + hashPart(waiting), "#decision");
        reviewer.put("#/program/" + program, "#moderation");
        Map<String, String> admin = Map.of("#/admin", "#rebuild-start");

        // The check can fail: an image without a text alternative is a critical violation it reports.
        browser.open("#/signin");
        browser.script("document.querySelector('main').append(Object.assign(document.createElement('img'),"
                       + " {src: 'favicon.ico'}));");
        assertThat(axe()).anyMatch(v -> v.startsWith("image-alt (critical)"));

        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "zh")) {
            for (boolean phone : List.of(false, true)) {
                String mode = language + (phone ? " phone" : " desktop");
                browser.resize(phone ? 390 : 1280, phone ? 844 : 1200);
                browser.open("#/");
                browser.script("sessionStorage.clear(); localStorage.setItem('portal.lang', arguments[0]);",
                               language);
                violations.addAll(check(mode, anonymous));
                browser.signIn("dev-axe", "DEVELOPER");
                violations.addAll(check(mode, developer));
                browser.signOut();
                browser.signIn("rev-axe", "REVIEWER");
                violations.addAll(check(mode, reviewer));
                browser.signOut();
                browser.signIn("admin-axe", "ADMIN");
                violations.addAll(check(mode, admin));
                browser.signOut();
            }
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    /** The search, the register form and a review decision, with the keyboard alone. */
    @Test
    void theSearchAFormAndTheReviewActionsWorkWithTheKeyboard() {
        String program = marketplace.publish("dev-keys", "Keyboard Kingfisher");
        String waiting = marketplace.submit("dev-keys", program, "1.1.0");
        browser.open("#/");
        browser.awaitAfter(() -> search("Keyboard Kingfisher"),
                           d -> d.findElement(By.cssSelector("#results [data-program-id='" + program + "']")));
        browser.open("#/");

        tabTo("#search");
        keys("Keyboard Kingf");
        browser.awaitText("[role=listbox]", "Keyboard Kingfisher");
        keys(Keys.ARROW_DOWN, Keys.ENTER);
        browser.await(d -> d.findElement(By.id("search")).getAttribute("value").equals("Keyboard Kingfisher"));
        tabTo("#results a.program-name");
        keys(Keys.ENTER);
        browser.awaitText("main h1", "Keyboard Kingfisher");

        browser.signIn("dev-keyboard", "DEVELOPER");
        browser.open("#/developer/new");
        tabTo("#register-form [name=name]");
        keys("Typed Without A Mouse", Keys.TAB, "Registered from the keyboard");
        tabTo("#register-form button[type=submit]");
        keys(Keys.ENTER);
        browser.awaitText("main h1", "Typed Without A Mouse");
        browser.signOut();

        browser.signIn("rev-keys", "REVIEWER");
        browser.open("#/reviewer/version/" + hashPart(waiting));
        tabTo("#claim");
        keys(Keys.ENTER);
        browser.awaitText("#decision .form-status", "You have claimed this review.");
        tabTo("#decision input[value=CRASHES]");
        keys(Keys.SPACE);
        tabTo("#decision [name=comment]");
        keys("Crashes at start");
        tabTo("#reject");
        keys(Keys.ENTER);
        browser.awaitText("#decided", "Version 1.1.0 is Rejected.");
    }

    /** Opens each page and runs axe once it has drawn; the serious and critical violations, labelled. */
    private List<String> check(String mode, Map<String, String> pages) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.awaitAfter(() -> browser.open(page.getKey()), d -> d.findElement(By.cssSelector(page.getValue())));
            axe().forEach(v -> found.add(mode + " " + page.getKey() + ": " + v));
        }
        return found;
    }

    /**
     * Runs axe-core over the page as it is: its serious and critical violations, each with where it is. Fails when
     * axe checked nothing (no rule passed), so a page that did not draw cannot pass by being empty.
     */
    private List<String> axe() {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            browser.script(AXE);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(result => done({passes: result.passes.length, violations: result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} at `
                              + v.nodes.map(n => n.target.join(' ')).join(', '))}),
                  e => done({passes: 0, violations: [`axe failed: ${e}`]}));""");
        assertThat(((Number) result.get("passes")).intValue()).as("rules axe found satisfied").isPositive();
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result.get("violations");
        return violations;
    }

    /** Presses Tab until the element has the focus (at most 60 times): it must be reachable from the keyboard. */
    private void tabTo(String css) {
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0]);", css))) {
                return;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError(css + " is not reachable with the Tab key");
    }

    /** A version id ("program/1.1.0") as one part of the portal's address, as its own links write it. */
    private static String hashPart(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static String read(String resource) {
        try (InputStream in = PortalAccessibilityTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
