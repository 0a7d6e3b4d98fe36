package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Kanzen;
import io.kanzen.testkit.Fixtures;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
 * The web UI in a real headless Chromium (Debian's chromium and chromium-driver): first visit creates the
 * administrator, logging out and in works, a library is added, its series and missing volumes show, a manual search runs against a
 * fixture Prowlarr, a download goes to a real qbittorrent-nox, and the history shows it. Each tab is
 * photographed into target/screenshots (copied to docs/screenshots).
 */
class WebUiTest {
    @TempDir
    static Path tmp;
    private static QBittorrentDaemon qbittorrent;
    private static WebDriver browser;

    @StartStop
    final MockWebServer prowlarr = new MockWebServer();

    @BeforeAll
    static void startPeers() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-ui-qbt-"));
        qbittorrent.start();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--lang=fr-FR", "--user-data-dir=" + Files.createTempDirectory("kanzen-chromium-"));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr")); // the UI follows the browser's language
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopPeers() {
        if (browser != null) {
            browser.quit();
        }
        if (qbittorrent != null) {
            qbittorrent.stop();
        }
    }

    @Test
    void a_user_sets_up_kanzen_finds_what_is_missing_searches_and_sends_a_download() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        for (int v : new int[] {98, 99, 101}) {
            Files.write(series.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Fixtures.text("prowlarr/search_one_piece_tome_100.json")).build());
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
                KanzenServer server = KanzenServer.start(kanzen, "127.0.0.1", 0)) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get("http://127.0.0.1:" + server.port() + "/");

            // first visit: create the administrator
            wait.until(ExpectedConditions.textToBe(By.id("login-title"), "Créer l'administrateur"));
            browser.findElement(By.id("login-user")).sendKeys("admin");
            browser.findElement(By.id("login-password")).sendKeys("kanzen-admin-pw");
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=overview][data-ready]")));

            // log out, then in again: a wrong password is refused in words (French: the error code is translated), the right one opens
            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.textToBe(By.id("login-title"), "Connexion"));
            browser.findElement(By.id("login-user")).sendKeys("admin");
            browser.findElement(By.id("login-password")).sendKeys("not-the-password");
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login"), "Nom d'utilisateur ou mot de passe incorrect"));
            browser.findElement(By.id("login-password")).clear();
            browser.findElement(By.id("login-password")).sendKeys("kanzen-admin-pw");
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=overview][data-ready]")));

            // settings: a library, the Prowlarr source, the qBittorrent client
            tab("settings");
            browser.findElement(By.id("library-name")).sendKeys("Manga");
            browser.findElement(By.id("library-path")).sendKeys(tmp.resolve("manga").toString());
            browser.findElement(By.id("library-add")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("libraries"), "Manga"));
            fill("sources-settings", "prowlarr", List.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sources-settings"), "Enregistré"));
            fill("clients-settings", "qbittorrent", List.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER,
                    "password", QBittorrentDaemon.PASSWORD));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients-settings"), "Enregistré"));
            browser.findElement(By.cssSelector("#clients-settings li[data-name=qbittorrent] button.test")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients-settings"), "Connexion réussie"));
            // the bundled filter rules are a scorer enabled when first found: a rule saved here is in force at the next check
            browser.findElement(By.cssSelector("#scorers-settings li[data-name=filters] button.edit")).click();
            WebElement rules = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scorers-settings li[data-name=filters] form")));
            rules.findElement(By.name("rejectGroups")).clear();
            rules.findElement(By.name("rejectGroups")).sendKeys("MauvaiseTeam");
            rules.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scorers-settings"), "Enregistré"));
            assertThat(kanzen.scorers()).anySatisfy(c -> assertThat(c.settings()).containsEntry("rejectGroups", "MauvaiseTeam"));
            shot("settings");

            // series and what they lack
            tab("series");
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-series='One Piece']")));
            assertThat(card.getText()).as("missing volumes as compact ranges").contains("Manquants : 1–97, 100");
            shot("series");

            // manual search, then send the magnet-only release to qBittorrent
            tab("search");
            browser.findElement(By.id("search-title")).sendKeys("One Piece");
            browser.findElement(By.id("search-volume")).sendKeys("100");
            browser.findElement(By.cssSelector("#search-sources input[value=prowlarr]")).click();
            browser.findElement(By.id("search-submit")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 3));
            WebElement row = browser.findElements(By.cssSelector("#results tbody tr")).stream()
                    .filter(r -> r.getText().contains("Intégrale")).findFirst().orElseThrow();
            row.findElement(By.cssSelector(".col-action button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send-submit"))).click();
            // the pack brings volumes 98 and 99, already owned: the page asks first (SearchPageTest covers the page)
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm button[data-answer=yes]"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), "Envoyé à qbittorrent"));

            // the download shows in the history and on the overview
            tab("history");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-table"), "Envoyé à la main à qbittorrent"));
            shot("history");
            tab("overview");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("downloads"), "One Piece"));
            shot("overview");
            tab("config");
            wait.until(ExpectedConditions.attributeToBe(By.id("cfg-interval"), "value", "6"));
            shot("config");

            // the language switch
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lang"))).selectByValue("en");
            assertThat(browser.findElement(By.cssSelector("#tabs [data-tab=history]")).getText()).isEqualTo("History");
        }
    }

    private void tab(String name) {
        browser.findElement(By.cssSelector("#tabs [data-tab=" + name + "]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=" + name + "][data-ready]")));
    }

    /** Adds an instance of {@code kind} through the settings form: its kind picked, its name as suggested, its settings typed. */
    private void fill(String box, String kind, List<String> keyValues) {
        browser.findElement(By.cssSelector("#" + box + " button.add")).click();
        WebElement form = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + box + " .add-box form")));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("kind"))).selectByValue(kind);
        for (int i = 0; i < keyValues.size(); i += 2) {
            WebElement input = form.findElement(By.name(keyValues.get(i)));
            input.clear();
            input.sendKeys(keyValues.get(i + 1));
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void shot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
