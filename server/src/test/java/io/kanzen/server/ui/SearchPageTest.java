package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Download;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.Fixtures;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Recherche manuelle in a browser: a fixture Prowlarr (MockWebServer), a library where One Piece has 98, 99 and 101,
 * and a real qbittorrent-nox the chosen release goes to.
 */
class SearchPageTest {
    private static QBittorrentDaemon qbittorrent;
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();

    @BeforeAll
    static void startQBittorrent() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-search-qbt-"));
        qbittorrent.start();
    }

    @AfterAll
    static void stopQBittorrent() {
        qbittorrent.stop();
    }

    private void library(Kanzen kanzen) throws Exception {
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        for (int v : new int[] {98, 99, 101}) {
            Files.write(series.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER,
                "password", QBittorrentDaemon.PASSWORD));
    }

    private void answer(String fixture) {
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(Fixtures.text(fixture)).build());
    }

    private static void search(UiHarness ui, String title, String volume) {
        WebElement t = ui.browser().findElement(By.id("search-title"));
        t.clear();
        t.sendKeys(title);
        WebElement v = ui.browser().findElement(By.id("search-volume"));
        v.clear();
        v.sendKeys(volume);
        ui.browser().findElement(By.id("search-submit")).click();
    }

    private static List<String> column(UiHarness ui, String column) {
        return ui.browser().findElements(By.cssSelector("#results tbody td.col-" + column)).stream().map(WebElement::getText).toList();
    }

    private static WebElement row(UiHarness ui, String titleStart) {
        return ui.browser().findElements(By.cssSelector("#results tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".release-name")).getText().startsWith(titleStart)).findFirst().orElseThrow();
    }

    @Test
    void a_search_shows_each_result_judged_sorts_it_and_an_owned_volume_asks_before_going_to_qbittorrent() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            answer("prowlarr/search_one_piece_tome_100.json");
            ui.loginAsAdmin();
            ui.tab("search");
            WebElement box = ui.browser().findElement(By.cssSelector("#search-sources input[value=prowlarr]"));
            assertThat(box.getAttribute("type")).isEqualTo("checkbox");
            box.click();
            search(ui, "One Piece", "100");
            ui.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 3));

            String text = ui.visibleText();
            assertThat(text).contains("Jugés pour la série « One Piece »", "déjà possédé (98, 99)", "retenu", "Âge", "Langue", "Édition");
            WebElement single = row(ui, "One Piece Tome 100 FR CBZ");
            assertThat(single.findElement(By.cssSelector(".col-language")).getText()).isEqualTo("fr");
            assertThat(single.findElement(By.cssSelector(".col-score")).getText()).isNotEqualTo("–");
            single.findElement(By.cssSelector("details.why summary")).click();
            assertThat(single.findElement(By.cssSelector("details.why")).getText()).contains("série reconnue")
                    .as("what the engine saw, in French by its codes").contains("apporte le tome 100", "le titre nomme « One Piece »", "format cbz")
                    .doesNotContain("brings");
            WebElement pack = row(ui, "One Piece Tomes 1 à 100");
            pack.findElement(By.cssSelector("details.why summary")).click();
            assertThat(pack.findElement(By.cssSelector("details.why")).getText()).contains("apporte aussi les tomes 98, 99, déjà possédés");
            ui.shot("search");

            ui.browser().findElement(By.cssSelector("#results th button[data-sort=seeders]")).click();
            assertThat(column(ui, "seeders")).containsExactly("118", "42", "7");
            ui.browser().findElement(By.cssSelector("#results th button[data-sort=seeders]")).click();
            assertThat(column(ui, "seeders")).containsExactly("7", "42", "118");
            assertThat(ui.browser().findElement(By.cssSelector("#results th[aria-sort=ascending] button")).getAttribute("data-sort")).isEqualTo("seeders");

            // the magnet-only pack brings volumes 98 and 99, already owned: the page asks before sending it
            row(ui, "One Piece Tomes 1 à 100").findElement(By.cssSelector(".col-action button")).click();
            WebElement dialog = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("send-dialog")));
            assertThat(ui.browser().findElement(By.id("send-volume")).getAttribute("value")).isEqualTo("1-100");
            assertThat(ui.browser().findElement(By.id("send-title")).getAttribute("value")).isEqualTo("One Piece");
            assertThat(dialog.getText()).contains("One Piece Tomes 1 à 100");
            ui.browser().findElement(By.id("send-submit")).click();
            WebElement ask = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(ask.getText()).contains("déjà dans la bibliothèque");
            assertThat(ui.kanzen().downloads()).as("nothing is sent before the answer").isEmpty();
            ask.findElement(By.cssSelector("button[data-answer=yes]")).click();

            WebElement sent = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .feedback")));
            assertThat(sent.getText()).contains("Envoyé à qbittorrent");
            List<Download> downloads = ui.kanzen().downloads();
            assertThat(downloads).hasSize(1);
            assertThat(downloads.get(0).grab().client()).isEqualTo("qbittorrent");
            assertThat(downloads.get(0).status()).isNotNull();
            assertThat(downloads.get(0).status().state()).isNotEqualTo(io.kanzen.api.DownloadState.MISSING); // qBittorrent has it
        }
    }

    @Test
    void a_new_search_clears_the_old_results_and_a_failed_one_leaves_nothing_to_click() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            answer("prowlarr/search_one_piece_tome_100.json");
            prowlarr.enqueue(new MockResponse.Builder().code(500).body("Prowlarr is down").build());
            ui.loginAsAdmin();
            ui.go("search");
            search(ui, "One Piece", "100");
            ui.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 3));

            search(ui, "One Piece", "100");

            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-summary [role=alert]")));
            assertThat(ui.browser().findElements(By.cssSelector("#results tbody tr"))).isEmpty();
            assertThat(ui.browser().findElements(By.cssSelector("#search-results button"))).isEmpty();
            assertThat(ui.visibleText()).contains("Aucun résultat", "prowlarr est injoignable");
        }
    }

    @Test
    void in_english_the_results_their_marks_and_columns_are_in_english() throws Exception {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data"))) {
            library(ui.kanzen());
            answer("prowlarr/search_one_piece_tome_100.json");
            ui.loginAsAdmin();
            ui.go("search");
            search(ui, "one piece", "100");
            ui.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 3));

            assertThat(ui.visibleText()).contains("Judged for the library series “One Piece”", "already owned (98, 99)", "Seeders", "Age", "Score")
                    .doesNotContain("déjà", "Rechercher");
            WebElement single = row(ui, "One Piece Tome 100 FR CBZ");
            single.findElement(By.cssSelector("details.why summary")).click();
            assertThat(single.findElement(By.cssSelector("details.why")).getText()).contains("brings wanted volume 100", "the title names “One Piece”")
                    .doesNotContain("apporte");
            WebElement pack = row(ui, "One Piece Tomes 1 à 100");
            pack.findElement(By.cssSelector("details.why summary")).click();
            assertThat(pack.findElement(By.cssSelector("details.why")).getText()).contains("it also brings volumes 98, 99, already owned");
        }
    }

    @Test
    void on_a_phone_the_results_fit_the_screen() throws Exception {
        try (UiHarness ui = UiHarness.phone(tmp.resolve("data"))) {
            library(ui.kanzen());
            answer("prowlarr/search_one_piece_tome_100.json");
            ui.loginAsAdmin();
            ui.go("search");
            search(ui, "One Piece", "100");
            ui.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 3));

            assertThat(ui.scrollsSideways()).isFalse();
            new org.openqa.selenium.support.ui.Select(ui.browser().findElement(By.id("search-sort"))).selectByValue("seeders");
            assertThat(column(ui, "seeders")).as("sorted from the phone's select").containsExactly("118", "42", "7");
            assertThat(row(ui, "One Piece Tome 100 FR CBZ").findElement(By.cssSelector(".col-action button")).isDisplayed()).isTrue();
            ui.shot("search-phone");
        }
    }
}
