package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The portal's screens one concern at a time: refusals shown as sentences next to the field at fault, English and
 * Chinese, and what signed-out visitors and plain users may see.
 */
@MarketplaceIntegrationTest
class PortalPagesTest extends BrowserTest {

    /** The skip link's handler is the portal's own script: the Content-Security-Policy lets it run. */
    @Test
    void theSkipLinkMovesFocusToTheContentUnderTheContentSecurityPolicy() {
        browser.open("#/");
        browser.script("document.getElementById('skip').click();");
        assertThat(browser.script("return document.activeElement.id;")).isEqualTo("main");
        assertThat(browser.script("return location.hash;")).isEqualTo("#/");
    }

    @Test
    void eachRefusalIsASentenceNextToItsField() throws IOException {
        marketplace.register("dev-taken", "Taken Name For Forms");
        browser.signIn("dev-forms", "DEVELOPER");
        browser.open("#/developer/new");
        browser.screenshot("register");
        browser.type("#register-form [name=name]", "X");
        browser.type("#register-form [name=summary]", "Forms that say what is wrong");
        browser.click("#register-form button[type=submit]");
        assertErrorOnlyAt("#register-form", "name", "Enter a name of 2 to 50 characters on one line.");

        browser.type("#register-form [name=name]", "Taken Name For Forms");
        browser.click("#register-form button[type=submit]");
        assertErrorOnlyAt("#register-form", "name",
                          "Another mini-program already has this name. Choose a different one.");

        browser.type("#register-form [name=name]", "Form Errors Demo");
        browser.type("#register-form [name=iconUrl]", "http://insecure.example.org/icon.png");
        browser.click("#register-form button[type=submit]");
        assertErrorOnlyAt("#register-form", "iconUrl", "Enter an https:// address.");

        browser.type("#register-form [name=iconUrl]", "https://cdn.example.org/icon.png");
        browser.click("#register-form button[type=submit]");
        browser.awaitText("main h1", "Form Errors Demo");

        submitVersion("one point oh", "ab".repeat(32), "1024");
        assertErrorOnlyAt("#submit-form", "version", "Enter a semantic version such as 1.2.0.");
        submitVersion("1.0.0", "not-a-digest", "1024");
        assertErrorOnlyAt("#submit-form", "packageDigest",
                          "Enter the package’s SHA-256 digest: 64 hexadecimal characters.");
        submitVersion("1.0.0", "ab".repeat(32), "0");
        assertErrorOnlyAt("#submit-form", "packageSize",
                          "Enter the package size as a whole number of bytes, at least 1.");
        submitVersion("1.0.0", "ab".repeat(32), "lots");
        assertErrorOnlyAt("#submit-form", "packageSize",
                          "Enter the package size as a whole number of bytes, at least 1.");
        browser.screenshot("submit-errors", "#submit-form [data-field=packageSize]");
        submitVersion("1.0.0", "ab".repeat(32), "");
        assertErrorOnlyAt("#submit-form", "packageDigest", "You have not uploaded a package with this digest. "
                                                           + "Pick the zip above to upload it.");

        pickPackage("not-a-package.zip", "just text".getBytes(StandardCharsets.UTF_8));
        assertErrorOnlyAt("#submit-form", "package", "The package was refused: The body is not a zip archive.");
        pickPackage("coffee.zip", TestPackages.good().without("pages/scan/scan.js").zip());
        browser.awaitText("#submit-form [data-error-for='package']", "pages/scan/scan.js is not in the package");
        byte[] good = TestPackages.goodZip("portal pages");
        pickPackage("coffee.zip", good);
        browser.awaitText("#submit-form .upload-status", "coffee.zip is uploaded");
        assertThat(browser.find("#submit-form [name=packageDigest]").getAttribute("value"))
                .isEqualTo(TestPackages.digest(good));
        assertThat(browser.find("#submit-form [name=packageSize]").getAttribute("value"))
                .isEqualTo(Integer.toString(good.length));
        browser.find("#submit-form [name=permissions][value=CAMERA]").click();
        browser.click("#submit-form button[type=submit]");
        browser.awaitText("#submit-form .form-status", "Version 1.0.0 is submitted for review.");

        browser.click("#versions tr[data-version='1.0.0'] button.withdraw");
        browser.awaitText("#versions tr[data-version='1.0.0']", "Withdrawn");
        submitVersion("0.9.0", "ab".repeat(32), "1024");
        assertErrorOnlyAt("#submit-form", "version",
                          "The version number must be higher than every version submitted before.");
        assertThat(browser.driver().getPageSource()).doesNotContain("extensions").doesNotContain("\"code\"");
    }

    @Test
    void theLanguageSwitchTurnsThePortalChineseAndBack() {
        browser.open("#/");
        browser.choose("#language", "zh");
        browser.awaitText("main h1", "查找小程序");
        assertThat(browser.text("header nav")).isEqualTo("目录");
        assertThat(browser.text("#sign-in-link")).isEqualTo("登录");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.text("#sort")).contains("最相关", "安装最多", "评分最高", "最新");
        browser.screenshot("catalogue-zh");

        browser.signIn("dev-zh", "DEVELOPER");
        assertThat(browser.text("main h1")).isEqualTo("我的小程序");
        browser.open("#/developer/new");
        browser.type("#register-form [name=name]", "好");
        browser.type("#register-form [name=summary]", "中文的错误提示");
        browser.click("#register-form button[type=submit]");
        assertErrorOnlyAt("#register-form", "name", "请输入 2 到 50 个字符的单行名称。");

        browser.choose("#language", "en");
        browser.awaitText("main h1", "Register a mini-program");
        assertThat(browser.text("header nav")).contains("Catalogue", "My programs");
        browser.open("#/");
        assertThat(browser.text("main h1")).isEqualTo("Find mini-programs");
    }

    @Test
    void everyDictionaryKeyHasBothLanguages() {
        browser.open("#/");
        Object missing = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/portal/i18n/en.js'), import('/portal/i18n/zh.js')]).then(([en, zh]) => {
                  const a = Object.keys(en.default), b = Object.keys(zh.default);
                  done([...a.filter(k => !b.includes(k)).map(k => 'zh lacks ' + k),
                        ...b.filter(k => !a.includes(k)).map(k => 'en lacks ' + k),
                        ...b.filter(k => zh.default[k].trim() === '').map(k => 'zh empty ' + k)]);
                });""");
        assertThat((List<?>) missing).isEmpty();
    }

    @Test
    void signedOutVisitorsSeeOnlyTheCatalogue() {
        marketplace.publish("dev-open", "Open To Everyone");
        browser.open("#/");
        assertThat(browser.text("header nav")).isEqualTo("Catalogue");
        browser.awaitAfter(() -> search("Open To Everyone"),
                           d -> d.findElement(By.cssSelector("#results")).getText().contains("Open To Everyone"));
        browser.click(By.linkText("Open To Everyone"));
        browser.awaitText("main h1", "Open To Everyone");
        assertThat(browser.text("main")).contains("Sign in to install and rate this mini-program.");
        assertThat(browser.driver().findElements(By.id("install"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("rate-form"))).isEmpty();

        for (String page : List.of("#/developer", "#/developer/new", "#/reviewer")) {
            browser.open(page);
            assertThat(browser.text("#access-refused")).isEqualTo("Sign in to see this page.");
            assertThat(browser.driver().findElements(By.cssSelector("main form"))).isEmpty();
        }
        browser.screenshot("signed-out");

        browser.signIn("plain-user", "USER");
        assertThat(browser.text("header nav").lines()).containsExactly("Catalogue", "My installs");
        browser.open("#/reviewer");
        assertThat(browser.text("#access-refused"))
                .isEqualTo("This page is for users with the Reviewer role.");
        browser.open("#/developer");
        assertThat(browser.text("#access-refused"))
                .isEqualTo("This page is for users with the Developer role.");
        browser.open("#/signin");
        browser.screenshot("sign-in");
    }

    @Test
    void onAPhoneTheCatalogueIsOneColumn() {
        marketplace.publish("dev-phone", "Pocket Sized Program");
        browser.resize(390, 844);
        try {
            browser.open("#/");
            // Beside the box, not under it, where the suggestions would cover it.
            WebElement box = browser.find("#search");
            WebElement button = browser.find("form[role=search] button[type=submit]");
            assertThat(button.getLocation().getX()).isGreaterThan(box.getLocation().getX() + box.getSize().getWidth());
            assertThat(button.getLocation().getY()).isLessThan(box.getLocation().getY() + box.getSize().getHeight());
            browser.awaitAfter(() -> search("Pocket Sized"),
                               d -> d.findElement(By.cssSelector("#results")).getText().contains("Pocket Sized"));
            WebElement facets = browser.find("aside.facets");
            WebElement results = browser.find("section.results");
            assertThat(results.getLocation().getY()).isGreaterThan(facets.getLocation().getY());
            assertThat(results.getSize().getWidth()).isLessThanOrEqualTo(390);
            assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            browser.screenshot("catalogue-phone");
        } finally {
            browser.resize(1280, 1200);
        }
    }

    /** Picks a zip of {@code bytes} named {@code name} in the submit form's file picker, which uploads it. */
    private void pickPackage(String name, byte[] bytes) throws IOException {
        Path file = Files.createTempDirectory("portal-package").resolve(name);
        Files.write(file, bytes);
        browser.find("#submit-form [name=package]").sendKeys(file.toAbsolutePath().toString());
    }

    private void submitVersion(String version, String digest, String size) {
        browser.type("#submit-form [name=version]", version);
        browser.type("#submit-form [name=changelog]", "Forms");
        browser.type("#submit-form [name=packageDigest]", digest);
        browser.type("#submit-form [name=packageSize]", size);
        browser.click("#submit-form button[type=submit]");
    }

    /** The sentence stands under the named field, that field is marked invalid, and no other field shows an error. */
    private void assertErrorOnlyAt(String form, String field, String sentence) {
        WebElement error = browser.awaitText(form + " [data-error-for='" + field + "']", sentence);
        assertThat(error.getText()).isEqualTo(sentence);
        assertThat(browser.driver().findElements(By.cssSelector(form + " [data-error-for]")).stream()
                          .filter(WebElement::isDisplayed).map(e -> e.getAttribute("data-error-for")))
                .containsExactly(field);
        assertThat(browser.find(form + " [name='" + field + "']").getAttribute("aria-invalid")).isEqualTo("true");
    }
}
