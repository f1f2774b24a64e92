package dev.marketplace.app.portal;

import dev.marketplace.app.support.MarketplaceClientTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class of the portal: one headless Chromium for all its tests, pointed at the running marketplace, whose
 * scene the tests set through the {@link #marketplace} client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest extends MarketplaceClientTest {

    @LocalServerPort
    int port;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port);
    }

    /** On the catalogue: searches for the text. */
    void search(String query) {
        browser.type("#search", query);
        browser.click("form[role=search] button[type=submit]");
    }

    /** On the review console: reloads the queue and opens every further page of it. */
    void showWholeQueue() {
        browser.click("#refresh-queue");
        browser.await(d -> {
            List<WebElement> more = d.findElements(By.cssSelector("#queue button.more"));
            more.stream().filter(WebElement::isEnabled).findFirst().ifPresent(WebElement::click);
            return more.isEmpty();
        });
    }

    /** Every test starts as a signed-out visitor in English at desktop size, with nothing remembered. */
    @BeforeEach
    void forgetEverything() {
        browser.resize(1280, 1200);
        browser.open("#/");
        browser.script("sessionStorage.clear(); localStorage.clear();");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
