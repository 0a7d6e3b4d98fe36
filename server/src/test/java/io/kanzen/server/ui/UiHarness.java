package io.kanzen.server.ui;

import io.kanzen.core.Kanzen;
import io.kanzen.server.KanzenServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Kanzen with its server and a headless Chromium (Debian's, through /usr/bin/chromedriver) for the browser tests
 * of the web UI: French on a desktop window unless told otherwise. Screenshots go to {@code docs/screenshots}, so
 * the pictures in the documentation are the ones the tests last saw.
 */
public final class UiHarness implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "kanzen-admin-pw";

    private final Kanzen kanzen;
    private final KanzenServer server;
    private final WebDriver browser;

    private UiHarness(Kanzen kanzen, KanzenServer server, WebDriver browser) {
        this.kanzen = kanzen;
        this.server = server;
        this.browser = browser;
    }

    /** French, 1280 × 900. */
    public static UiHarness start(Path dataDirectory) {
        return start(dataDirectory, "fr", 1280, 900, b -> {});
    }

    /** English, 1280 × 900. */
    public static UiHarness english(Path dataDirectory) {
        return start(dataDirectory, "en", 1280, 900, b -> {});
    }

    /** French on a phone: 360 px wide. */
    public static UiHarness phone(Path dataDirectory) {
        return start(dataDirectory, "fr", 360, 780, b -> {});
    }

    /** Any language and window, with the Kanzen builder adjusted first (a clock, settings...). */
    public static UiHarness start(Path dataDirectory, String language, int width, int height, Consumer<Kanzen.Builder> adjust) {
        Kanzen.Builder builder = Kanzen.builder().dataDirectory(dataDirectory);
        adjust.accept(builder);
        Kanzen kanzen = builder.build();
        KanzenServer server = null;
        try {
            server = KanzenServer.start(kanzen, "127.0.0.1", 0);
            return new UiHarness(kanzen, server, browser(language, width, height));
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            }
            kanzen.close();
            throw e;
        }
    }

    private static WebDriver browser(String language, int width, int height) {
        try {
            ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--hide-scrollbars", "--window-size=" + width + "," + height,
                    "--lang=" + (language.equals("fr") ? "fr-FR" : "en-GB"),
                    "--user-data-dir=" + Files.createTempDirectory("kanzen-chromium-"));
            // the UI follows the browser's language
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.equals("fr") ? "fr-FR,fr" : "en-GB,en"));
            if (width < 500) { // a phone: its width is the page's, not the desktop window's
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Kanzen kanzen() {
        return kanzen;
    }

    public WebDriver browser() {
        return browser;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** Creates the administrator (when missing) and logs in through the login screen. */
    public UiHarness loginAsAdmin() {
        if (!kanzen.accounts().isSetUp()) {
            kanzen.accounts().setUp(ADMIN, PASSWORD);
        }
        browser.get(baseUrl() + "/missing-monitor");
        WebElement user = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        user.sendKeys(ADMIN);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-ready]")));
        return this;
    }

    /** Opens a page by its route ("series", "series/3") and waits until it is drawn; returns the page's element. */
    public WebElement go(String route) {
        String page = route.matches("series/\\d+") ? "series-detail" : route.split("/")[0];
        browser.get(baseUrl() + "/missing-monitor#/" + route); // within the same document: the hash change redraws
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page='" + page + "'][data-ready]")));
    }

    /** Clicks a tab the way a user does and waits for its page. */
    public WebElement tab(String page) {
        browser.findElement(By.cssSelector("#tabs [data-tab='" + page + "']")).click();
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page='" + page + "'][data-ready]")));
    }

    /** What a user can read on the screen now. */
    public String visibleText() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
    }

    /** True when the page is wider than the window (a user would have to scroll sideways). */
    public boolean scrollsSideways() {
        Object r = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth || document.body.scrollWidth > window.innerWidth");
        return Boolean.TRUE.equals(r);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Saves what the browser shows as docs/screenshots/{name}.png (target/screenshots when docs is not there). */
    public void shot(String name) {
        try {
            Path docs = Path.of(System.getProperty("kanzen.docs", "../docs"));
            Path dir = Files.isDirectory(docs) ? docs.resolve("screenshots") : Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            try {
                server.close();
            } finally {
                kanzen.close();
            }
        }
    }
}
