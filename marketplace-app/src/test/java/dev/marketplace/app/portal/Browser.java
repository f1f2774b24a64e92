package dev.marketplace.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver (never a downloaded browser: both paths are
 * given, so Selenium Manager has nothing to fetch), pointed at a marketplace on a loopback port. Each window has its
 * own sessionStorage, so each can be signed in as a different person.
 */
record Browser(ChromeDriver driver, String baseUrl, Path profile) implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Fails, never skips, when Chromium is missing: CI installs it (apt-get install chromium chromium-driver). */
    static Browser start(int port) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
        try {
            Path profile = Files.createTempDirectory("portal-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                  "--disable-dev-shm-usage", "--window-size=1280,1200", "--lang=en-US",
                                  "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port + "/", profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows the page; when it is already shown, loads it afresh (going to the same hash would change nothing). */
    void open(String hash) {
        if (driver.getCurrentUrl().equals(baseUrl + hash)) {
            driver.navigate().refresh();
        } else {
            driver.get(baseUrl + hash);
        }
        await(d -> d.findElement(By.cssSelector("main h1")));
    }

    /** A fresh window with its own sessionStorage; returns its handle. */
    String newWindow() {
        driver.switchTo().newWindow(WindowType.WINDOW);
        return driver.getWindowHandle();
    }

    void switchTo(String window) {
        driver.switchTo().window(window);
    }

    String window() {
        return driver.getWindowHandle();
    }

    void signIn(String userId, String... roles) {
        open("#/signin");
        WebElement form = find("#sign-in-form");
        form.findElement(By.name("userId")).sendKeys(userId);
        for (WebElement role : form.findElements(By.name("roles"))) {
            boolean wanted = java.util.Arrays.asList(roles).contains(role.getAttribute("value"));
            if (role.isSelected() != wanted) {
                role.click();
            }
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> d.findElement(By.id("signed-in-user")).getText().contains(userId));
    }

    void signOut() {
        if (!driver.findElements(By.id("sign-out")).isEmpty()) {
            find("#sign-out").click();
        }
        await(d -> d.findElement(By.id("sign-in-link")));
    }

    /** Clicks the element once it exists, looking it up again if the page re-rendered it meanwhile. */
    /** Clicks what the selector finds, finding it again if a redraw replaced it between finding and clicking. */
    void click(String css) {
        click(By.cssSelector(css));
    }

    void click(By by) {
        await(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    WebElement find(String css) {
        return await(d -> d.findElement(By.cssSelector(css)));
    }

    /** Waits (up to 20 s) until the condition holds; stale elements and missing ones just mean "not yet". */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The element's text, read again if the page re-rendered it meanwhile. */
    String text(String css) {
        return await(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits until the element's text contains the expected text. */
    WebElement awaitText(String css, String expected) {
        return await(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            return element.getText().contains(expected) ? element : null;
        });
    }

    /**
     * The read side follows the event store within moments: repeats an action (a search, a refresh) until what it
     * shows satisfies the condition.
     */
    <T> T awaitAfter(Runnable action, Function<WebDriver, T> condition) {
        return await(d -> {
            action.run();
            try {
                return new WebDriverWait(d, Duration.ofSeconds(2))
                        .ignoring(org.openqa.selenium.NoSuchElementException.class)
                        .ignoring(StaleElementReferenceException.class).until(condition);
            } catch (org.openqa.selenium.TimeoutException notYet) {
                return null;
            }
        });
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves the top of the page as target/portal-screenshots/NAME.png. */
    void screenshot(String name) {
        script("window.scrollTo(0, 0)");
        save(name);
    }

    /** Saves the page scrolled so that the element is in the middle. */
    void screenshot(String name, String css) {
        script("arguments[0].scrollIntoView({block: 'center'})", find(css));
        save(name);
    }

    private void save(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                       java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile does no harm.
        }
    }
}
