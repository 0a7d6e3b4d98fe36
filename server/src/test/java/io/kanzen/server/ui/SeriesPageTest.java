package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Kanzen;
import io.kanzen.core.SeriesSettings;
import io.kanzen.testkit.Fixtures;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Séries pages in a real headless Chromium: the list split into monitored and not, several series monitored at
 * once, a series' volume grid, its settings saved (and refused next to the field), "search now" against a fixture
 * Prowlarr with every candidate and its reasons; French, once English, and at phone width.
 */
class SeriesPageTest {
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();

    /** A library folder with these series, each with the volumes given. */
    private Path library(Map<String, int[]> series) throws Exception {
        Path root = tmp.resolve("manga");
        for (Map.Entry<String, int[]> s : series.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(s.getKey()));
            for (int v : s.getValue()) {
                Files.write(dir.resolve(s.getKey() + " - Tome " + v + ".cbz"), new byte[] {1});
            }
        }
        return root;
    }

    /** One Piece 98, 99, 101 and Berserk 2, scanned; Prowlarr answers the One Piece fixture. */
    private long setUp(Kanzen kanzen) throws Exception {
        Path root = library(Map.of("One Piece", new int[] {98, 99, 101}, "Berserk", new int[] {2}));
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        prowlarr.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = String.valueOf(request.getUrl()).contains("One") ? Fixtures.text("prowlarr/search_one_piece_tome_100.json") : "[]";
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
            }
        });
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        return idOf(kanzen, "One Piece");
    }

    private static long idOf(Kanzen kanzen, String title) {
        return kanzen.series().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().id();
    }

    private static WebElement volume(UiHarness ui, String number) {
        return ui.browser().findElement(By.cssSelector("#volume-grid [data-volume='" + number + "']"));
    }

    @Test
    void theGridShowsOwnedMissingAndSentVolumesAndSearchNowListsEveryCandidateWithItsReasons() throws Exception {
        QBittorrentDaemon qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-series-qbt-"));
        qbittorrent.start();
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            long onePiece = setUp(ui.kanzen());
            ui.kanzen().saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER,
                    "password", QBittorrentDaemon.PASSWORD));
            ui.kanzen().grab("qbittorrent", "magnet:?xt=urn:btih:" + "97".repeat(20) + "&dn=One+Piece+97", "One Piece", VolumeRange.of(97));
            ui.loginAsAdmin();

            ui.go("series/" + onePiece);
            assertThat(volume(ui, "98").getAttribute("data-state")).isEqualTo("owned");
            assertThat(volume(ui, "97").getAttribute("data-state")).isEqualTo("sent");
            assertThat(volume(ui, "100").getAttribute("data-state")).isEqualTo("missing");
            assertThat(volume(ui, "1").getAttribute("data-state")).isEqualTo("missing");
            assertThat(volume(ui, "97").getAttribute("aria-label")).isEqualTo("Tome 97 : envoyé");
            assertThat(ui.visibleText()).as("a volume on its way is not missing").contains("Manquants : 1–96, 100")
                    .contains("possédé : 3").contains("envoyé : 1");
            assertThat(ui.browser().findElement(By.id("series-grabs")).getText()).contains("qbittorrent").contains("97");
            // the series' history says its events by their codes, in French (histcodes)
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("series-history"), "Envoyé à la main à qbittorrent"));

            ui.browser().findElement(By.id("series-search")).click();
            ui.waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#series-candidates tbody tr"), 2));
            List<WebElement> rows = ui.browser().findElements(By.cssSelector("#series-candidates tbody tr"));
            assertThat(rows.get(0).getAttribute("data-decision")).as("the chosen release comes first").isEqualTo("chosen");
            WebElement pack = rows.stream().filter(r -> r.getText().contains("Intégrale")).findFirst().orElseThrow();
            assertThat(pack.getAttribute("data-decision")).isEqualTo("rejected");
            assertThat(pack.getText()).contains("refusé").contains("tomes non voulus");
            assertThat(pack.findElement(By.cssSelector(".reasons li")).getText()).as("what the engine saw, in French by its code")
                    .contains("apporte aussi les tomes 98, 99, déjà possédés");
            assertThat(rows.get(0).getText()).contains("choisi").contains("+40 bonne série").contains("Envoyer");
            assertThat(ui.kanzen().downloads()).as("search now sends nothing by itself").hasSize(1);
            ui.script("document.getElementById('series-candidates').scrollIntoView()");
            ui.shot("series-detail-search");
            ui.script("window.scrollTo(0, 0)");
            ui.shot("series-detail");

            // sending the pack by hand: it brings volume 97, already on its way, so the page asks first
            pack.findElement(By.tagName("button")).click();
            WebElement dialog = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(dialog.getText()).contains("déjà en route");
            dialog.findElement(By.cssSelector("[data-answer=yes]")).click();
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("series-candidates"), "Envoyé à qbittorrent."));
            assertThat(ui.kanzen().downloads()).extracting(d -> d.grab().volume().toString()).containsExactlyInAnyOrder("97", "1-100");
        } finally {
            qbittorrent.stop();
        }
    }

    @Test
    void aSourceThatFailsASearchNowIsSaidInFrenchItsOwnEnglishSentenceFoldedAndTheSeriesHistoryToo() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            long onePiece = setUp(ui.kanzen());
            prowlarr.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(401).body("Unauthorized").build();
                }
            });
            ui.kanzen().check(false, "One Piece"); // the refusal in the series' history
            ui.loginAsAdmin();
            ui.go("series/" + onePiece);
            WebElement history = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("series-history")));
            assertThat(history.getText()).contains("Recherche : prowlarr refuse les identifiants", "Détail technique");
            assertThat(FrenchTextTest.englishWords(history.getText().replace("One Piece", ""))).isEmpty();

            ui.browser().findElement(By.id("series-search")).click();
            WebElement problems = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#series-candidates .feedback-error")));
            assertThat(problems.getText()).contains("prowlarr", "Détail technique");
            assertThat(FrenchTextTest.englishWords(problems.getText())).isEmpty();
        }
    }

    @Test
    void savingTheSettingsPersistsThemAndAValueRefusedIsSaidNextToItsField() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            long onePiece = setUp(ui.kanzen());
            ui.loginAsAdmin();
            ui.go("series/" + onePiece);

            new Select(ui.browser().findElement(By.id("sd-edition"))).selectByValue("vo");
            ui.browser().findElement(By.cssSelector("#sd-sources input[value=prowlarr]")).click();
            ui.browser().findElement(By.id("sd-minMegabytes")).sendKeys("500");
            ui.browser().findElement(By.id("sd-maxMegabytes")).sendKeys("100");
            ui.browser().findElement(By.id("sd-aliases")).sendKeys("Wan Pīsu, OP");
            ui.browser().findElement(By.id("sd-save")).click();

            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-field=maxMegabytes] .field-error")));
            assertThat(error.getText()).isEqualTo("La taille maximale (100 Mo) est sous la taille minimale (500 Mo).");
            assertThat(ui.browser().findElement(By.id("sd-maxMegabytes")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(ui.kanzen().seriesSettings(onePiece)).as("nothing saved").isEqualTo(SeriesSettings.DEFAULTS);

            WebElement max = ui.browser().findElement(By.id("sd-maxMegabytes"));
            max.clear();
            max.sendKeys("900");
            ui.browser().findElement(By.id("sd-save")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sd-save + .feedback-ok")));

            SeriesSettings saved = ui.kanzen().seriesSettings(onePiece);
            assertThat(saved.edition()).isEqualTo("vo");
            assertThat(saved.sources()).containsExactly("prowlarr");
            assertThat(saved.minMegabytes()).isEqualTo(500);
            assertThat(saved.maxMegabytes()).isEqualTo(900);
            assertThat(saved.aliases()).containsExactly("Wan Pīsu", "OP");
            assertThat(ui.browser().findElements(By.cssSelector("[data-field=maxMegabytes] .field-error"))).isEmpty();

            ui.go("series/" + onePiece); // drawn again from the server: the form shows what was saved
            assertThat(new Select(ui.browser().findElement(By.id("sd-edition"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("vo");
            assertThat(ui.browser().findElement(By.id("sd-aliases")).getAttribute("value")).isEqualTo("Wan Pīsu, OP");
        }
    }

    @Test
    void monitoredAndUnmonitoredSeriesAreApartAndSeveralAreMonitoredAtOnce() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            Kanzen kanzen = ui.kanzen();
            kanzen.addLibrary("Manga", library(Map.of("One Piece", new int[] {98, 99, 101}, "Berserk", new int[] {2}, "Vagabond", new int[] {1, 3},
                    "Monster", new int[] {1})));
            kanzen.scan(null);
            long berserk = idOf(kanzen, "Berserk");
            long vagabond = idOf(kanzen, "Vagabond");
            kanzen.setMonitored(List.of(berserk, vagabond), false);
            ui.loginAsAdmin();

            ui.go("series");
            WebElement off = ui.browser().findElement(By.id("series-unmonitored"));
            assertThat(off.getText()).contains("Non surveillées (2)").contains("Berserk").contains("Vagabond").doesNotContain("One Piece");
            WebElement on = ui.browser().findElement(By.id("series-monitored"));
            assertThat(on.getText()).contains("Surveillées (2)").contains("Manquants : 1–97, 100").contains("Possédés : 98–99, 101")
                    .as("a count nobody knows yet is said in words, not as a question mark").contains("Parus (VF) : nombre inconnu")
                    .doesNotContain("?").doesNotContain("statut inconnu");
            assertThat(ui.browser().findElement(By.id("series-actions")).isDisplayed()).isFalse();

            off.findElement(By.cssSelector(".series-select[data-id='" + berserk + "']")).click();
            assertThat(ui.browser().findElement(By.id("series-selected")).getText()).isEqualTo("1 sélectionnée");
            off.findElement(By.cssSelector(".series-select[data-id='" + vagabond + "']")).click();
            assertThat(ui.browser().findElement(By.id("series-selected")).getText()).isEqualTo("2 sélectionnées");
            ui.shot("series");
            ui.browser().findElement(By.id("series-monitor")).click();

            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("series-monitored"), "Surveillées (4)"));
            assertThat(ui.browser().findElement(By.cssSelector("#series-actions + .feedback")).getText()).isEqualTo("2 séries surveillées.");
            assertThat(kanzen.seriesDetail(berserk).monitored()).isTrue();
            assertThat(kanzen.seriesDetail(vagabond).monitored()).isTrue();
            assertThat(ui.browser().findElement(By.id("series-unmonitored")).getText()).contains("Non surveillées (0)")
                    .contains("Toutes vos séries sont surveillées.");

            ui.browser().findElement(By.id("series-q")).sendKeys("vaga");
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("series-monitored"), "Surveillées (1)"));
            assertThat(ui.browser().findElement(By.id("series-monitored")).getText()).contains("Vagabond").contains("Manquants : 2");
        }
    }

    @Test
    void withoutALibraryTheListSaysToAddOneInSettings() {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data")).loginAsAdmin()) {
            ui.go("series");
            WebElement empty = ui.browser().findElement(By.cssSelector("#series-empty .empty"));
            assertThat(empty.getText()).contains("Ajoutez le dossier de vos mangas dans Réglages");
            empty.findElement(By.tagName("button")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=settings][data-ready]")));
        }
    }

    @Test
    void inEnglishTheListAndTheSeriesPageSpeakEnglish() throws Exception {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data"))) {
            long onePiece = setUp(ui.kanzen());
            ui.loginAsAdmin();
            ui.go("series");
            assertThat(ui.visibleText()).contains("Monitored (2)", "Not monitored (0)", "Missing: 1–97, 100")
                    .doesNotContain("Surveillées", "Manquants");
            ui.go("series/" + onePiece);
            assertThat(ui.visibleText()).contains("Volumes", "Series settings", "Search now", "History", "owned")
                    .doesNotContain("Réglages de la série", "possédé");
            ui.browser().findElement(By.id("series-search")).click();
            ui.waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#series-candidates tbody tr"), 2));
            assertThat(ui.browser().findElement(By.id("series-candidates")).getText()).contains("rejected").contains("volumes not wanted")
                    .contains("already owned");
        }
    }

    @Test
    void atPhoneWidthNeitherTheListNorTheSeriesPageScrollsSideways() throws Exception {
        try (UiHarness ui = UiHarness.phone(tmp.resolve("data"))) {
            long onePiece = setUp(ui.kanzen());
            ui.loginAsAdmin();
            ui.go("series");
            ui.browser().findElement(By.cssSelector(".series-select")).click();
            assertThat(ui.browser().findElement(By.id("series-actions")).isDisplayed()).isTrue();
            assertThat(ui.scrollsSideways()).as("the list, its action bar shown").isFalse();
            assertThat(ui.visibleText()).doesNotContain("null");
            ui.go("series/" + onePiece);
            ui.browser().findElement(By.id("series-search")).click();
            ui.waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#series-candidates tbody tr"), 2));
            assertThat(ui.scrollsSideways()).as("the series page with search results").isFalse();
        }
    }
}
