package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Listings people can trust, in the browser: the verified badge on catalogue results and on the program page, the
 * developer's other programs there, and the developer's statistics drawn as charts, on a desktop and on a phone.
 */
@MarketplaceIntegrationTest
class PortalListingsTest extends BrowserTest {

    private static final String DEVELOPER = "dev-listings";

    private String ferry;
    private String other;
    private String noodleBar;
    private String photoWalks;

    @BeforeAll
    void publishAVerifiedDevelopersPrograms() throws Exception {
        marketplace.as(DEVELOPER, Role.DEVELOPER).documentName("authorization/updateDeveloperProfile")
                   .variable("input", Map.of("displayName", "Harbour Lines", "website", "https://harbour.example"))
                   .execute().path("updateDeveloperProfile.displayName").entity(String.class)
                   .isEqualTo("Harbour Lines");
        ferry = marketplace.publish(DEVELOPER, "Harbour Ferry Passes");
        other = marketplace.publish(DEVELOPER, "Harbour Parking");
        marketplace.as("admin-listings", Role.ADMIN).documentName("authorization/verifyDeveloper")
                   .variable("id", DEVELOPER).execute().path("verifyDeveloper.verified").entity(Boolean.class)
                   .isEqualTo(true);
        Map<String, Object> noodles = new HashMap<>(Marketplace.listing("Harbour Noodle Bar"));
        noodles.put("translations", List.of(Map.of("locale", "zh", "name", "海港面馆", "summary", "手工拉面，扫码点单")));
        noodleBar = marketplace.publish(DEVELOPER, noodles);
        Map<String, Object> pictured = new HashMap<>(Marketplace.listing("Harbour Photo Walks"));
        pictured.put("iconDigest", upload(png(256, 256, 0x1a7f37)));
        pictured.put("screenshotDigests", List.of(upload(png(720, 1280, 0x8250df)), upload(png(720, 1280, 0xbf3989))));
        photoWalks = marketplace.publish(DEVELOPER, pictured);
        marketplace.install("rider-1", ferry);
        marketplace.install("rider-2", ferry);
        marketplace.rate("rider-1", ferry, 5, "Never queue again");
    }

    @Test
    void aVerifiedDeveloperShowsABadgeInResultsAndOnTheProgramPage() {
        browser.open("#/");
        WebElement card = browser.awaitAfter(() -> search("Harbour Ferry"), d -> d.findElement(
                By.cssSelector("li.card[data-program-id='" + ferry + "'] .badge.verified")));
        assertThat(card.getText()).isEqualTo("Verified");
        assertThat(browser.text("li.card[data-program-id='" + ferry + "'] .developer")).startsWith("By Harbour Lines");
        browser.screenshot("catalogue-verified");

        browser.open("#/program/" + ferry);
        assertThat(browser.awaitText("#program-developer", "Harbour Lines").getText()).contains("Verified");
        browser.awaitText("#more-from-developer", "Harbour Parking");
        browser.click("#more-from-developer a[href='#/program/" + other + "']");
        browser.awaitText("h1", "Harbour Parking");
    }

    @Test
    void theDeveloperSeesChartsOfTheirStatisticsOnDesktopAndPhone() {
        browser.signIn(DEVELOPER, "DEVELOPER");
        for (int[] size : new int[][] {{1280, 1200}, {390, 844}}) {
            browser.resize(size[0], size[1]);
            browser.awaitAfter(() -> browser.open("#/developer/program/" + ferry),
                               d -> d.findElement(By.cssSelector("#chart-versions")).getText().contains("1.0.0: 2"));
            WebElement chart = browser.await(d -> d.findElement(By.cssSelector("#chart-installs[data-drawn=true]")));
            WebElement canvas = chart.findElement(By.tagName("canvas"));
            assertThat(canvas.getSize().getWidth()).as("chart width at %d px", size[0])
                                                   .isGreaterThan(200).isLessThanOrEqualTo(size[0]);
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling at %d px", size[0]).isLessThanOrEqualTo((long) size[0]);
            browser.screenshot(size[0] < 500 ? "statistics-phone" : "statistics", "#statistics-title");
        }
    }

    /** The language switch changes the listings and the history sentences, not only the portal's own words. */
    @Test
    void switchingToChineseShowsTranslatedListingsAndChineseHistory() {
        browser.open("#/");
        browser.choose("#language", "zh");
        browser.awaitAfter(() -> search("海港面馆"), d -> d.findElement(
                By.cssSelector("li.card[data-program-id='" + noodleBar + "'] .program-name")).getText()
                .equals("海港面馆") ? true : null);
        browser.screenshot("catalogue-translated-zh");
        browser.open("#/program/" + noodleBar);
        browser.awaitText("h1", "海港面馆");
        browser.awaitText("p.lead", "手工拉面");

        browser.choose("#language", "en");
        browser.awaitText("h1", "Harbour Noodle Bar");

        browser.signIn(DEVELOPER, "DEVELOPER");
        browser.choose("#language", "zh");
        browser.open("#/developer/program/" + noodleBar);
        browser.awaitText("#history", "向全部用户发布了版本 1.0.0");
        assertThat(browser.find("#listing-form [name=name]").getAttribute("value"))
                .as("the form edits the listing as written").isEqualTo("Harbour Noodle Bar");
        assertThat(browser.find("#listing-form [name=translationName]").getAttribute("value")).isEqualTo("海港面馆");
        browser.choose("#language", "en");
    }

    /** Icons in results and on the page, the screenshots as a gallery that fits a phone, the icon picked by file. */
    @Test
    void iconsAndAScreenshotGalleryOnDesktopAndPhone() throws Exception {
        for (int[] size : new int[][] {{1280, 1200}, {390, 844}}) {
            browser.resize(size[0], size[1]);
            browser.open("#/");
            // Every element is found again inside the wait that reads it: the page may draw its results or its
            // gallery anew (a search or a listing answering) between finding an element and reading it.
            By icon = By.cssSelector("li.card[data-program-id='" + photoWalks + "'] img.icon");
            String iconSource = browser.awaitAfter(() -> search("Harbour Photo Walks"),
                                                   d -> d.findElement(icon).getAttribute("src"));
            assertThat(iconSource).contains("/media/");
            browser.await(d -> loaded(d.findElement(icon)));
            browser.open("#/program/" + photoWalks);
            Integer firstShotWidth = browser.await(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#screenshots img"));
                return found.size() == 2 && found.stream().allMatch(this::loaded)
                        ? found.get(0).getSize().getWidth() : null;
            });
            assertThat(firstShotWidth).isLessThanOrEqualTo(size[0]);
            Boolean iconShown = browser.await(d -> loaded(d.findElement(By.id("program-icon"))) ? true : null);
            assertThat(iconShown).isTrue();
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling of the page at %d px", size[0]).isLessThanOrEqualTo((long) size[0]);
            browser.screenshot(size[0] < 500 ? "program-gallery-phone" : "program-gallery");
        }
        browser.resize(1280, 1200);
        browser.open("#/program/" + ferry);
        String placeholder = browser.await(d -> d.findElement(By.id("program-icon")).getAttribute("src"));
        assertThat(placeholder).contains("/media/placeholder.svg");

        browser.signIn(DEVELOPER, "DEVELOPER");
        browser.open("#/developer/program/" + ferry);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("icon", ".png");
        java.nio.file.Files.write(file, png(300, 300, 0xd1242f));
        browser.find("#icon-file").sendKeys(file.toAbsolutePath().toString());
        browser.await(d -> d.findElement(By.id("icon-preview")).getAttribute("src").matches(".*/media/[0-9a-f]{64}"));
        browser.click("#listing-form button[type=submit]");
        browser.awaitText("#listing-form .form-status", "");
        browser.awaitAfter(() -> browser.open("#/program/" + ferry), d -> d.findElement(By.id("program-icon"))
                .getAttribute("src").matches(".*/media/[0-9a-f]{64}") ? true : null);
        java.nio.file.Files.deleteIfExists(file);
    }

    private boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0",
                                                  image));
    }

    private String upload(byte[] image) throws Exception {
        java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/media"))
                        .header("Authorization", "Bearer " + Tokens.forUser(DEVELOPER, Role.DEVELOPER))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).path("digest").asText();
    }

    private static byte[] png(int width, int height, int rgb) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(rgb));
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, width / 2);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
