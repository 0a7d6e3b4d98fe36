package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.server.HistoryPeers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Historique in headless Chromium over a history made by real checks, grabs and imports: filtering by type and series,
 * paging, the export links following the filters, in French, in English and on a phone.
 */
class HistoryPageTest {
    @TempDir
    Path tmp;
    private final HistoryPeers peers = new HistoryPeers();
    private final HistoryPeers.MovableClock clock = new HistoryPeers.MovableClock(Instant.parse("2026-11-20T10:00:00Z"));

    private UiHarness open(String language, int width) throws Exception {
        UiHarness ui = UiHarness.start(tmp.resolve("data"), language, width, width < 500 ? 780 : 900,
                b -> b.clock(clock).classpathPlugins(false).plugin(peers));
        try {
            peers.makeHistory(ui.kanzen(), clock, tmp);
            return ui.loginAsAdmin();
        } catch (Exception | Error e) {
            ui.close();
            throw e;
        }
    }

    /** An attribute of each row on screen, read at once (the list may be redrawn between two reads of an element). */
    @SuppressWarnings("unchecked")
    private static List<String> rows(UiHarness ui, String attribute) {
        return (List<String>) ui.script("return [...document.querySelectorAll('#history-table tbody tr')].map(r => r.getAttribute(arguments[0]));",
                attribute);
    }

    /** What a link downloads, fetched by the page itself (with the user's session), as text. */
    private static String download(UiHarness ui, String linkId) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) ui.browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERR ' + e));",
                linkId);
    }

    @Test
    void filteringByTypeAndSeriesShowsOnlyThoseEventsAndTheExportsFollowTheFilters() throws Exception {
        try (UiHarness ui = open("fr", 1280)) {
            ui.go("history");
            assertThat(rows(ui, "data-type")).contains("search", "grab", "import", "failure", "download_failed");
            assertThat(ui.browser().findElement(By.cssSelector("#history-table tbody tr")).getText()).contains("Import", "One Piece", "tome 3");
            assertThat(ui.browser().findElements(By.cssSelector("#history-table tbody tr svg.history-icon"))).hasSameSizeAs(rows(ui, "data-type"));

            ui.browser().findElement(By.cssSelector(".history-chip input[value=grab]")).click();
            ui.waiting().until(d -> rows(ui, "data-type").equals(List.of("grab", "grab")));
            assertThat(ui.browser().findElement(By.id("history-count")).getText()).isEqualTo("1–2 sur 2");

            long berserk = ui.kanzen().series().stream().filter(s -> s.title().equals("Berserk")).findFirst().orElseThrow().id();
            new Select(ui.browser().findElement(By.id("history-series"))).selectByVisibleText("Berserk");
            ui.waiting().until(d -> rows(ui, "data-type").size() == 1);
            WebElement only = ui.browser().findElement(By.cssSelector("#history-table tbody tr"));
            assertThat(only.getText()).contains("Envoi", "Berserk", "releases → client", "Berserk Tome 01 FR");

            String csvLink = ui.browser().findElement(By.id("history-csv")).getAttribute("href");
            assertThat(csvLink).contains("type=grab").contains("series=" + berserk).contains("format=csv");
            List<String> csv = download(ui, "history-csv").lines().toList();
            assertThat(csv).hasSize(2);
            assertThat(csv.get(1)).startsWith("2026-11-20T11:00:00Z,grab,true,Berserk,releases,client");
            assertThat(download(ui, "history-json")).startsWith("[").contains("\"series\":\"Berserk\"").doesNotContain("One Piece");
            ui.shot("history");

            ui.browser().findElement(By.id("history-reset")).click();
            ui.waiting().until(d -> rows(ui, "data-type").size() > 2);
            assertThat(ui.browser().findElement(By.id("history-csv")).getAttribute("href")).doesNotContain("type=").doesNotContain("series=");

            // a period that ends before it starts: refused by the server, said under the field at fault
            ui.script("const f = document.getElementById('history-from'), t = document.getElementById('history-to');"
                    + "f.value = '2026-11-22'; t.value = '2026-11-21'; t.dispatchEvent(new Event('change', {bubbles: true}));");
            WebElement error = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history-to + .field-error")));
            assertThat(error.getText()).isEqualTo("La fin de la période doit venir après son début.");
            assertThat(ui.browser().findElement(By.id("history-to")).getAttribute("aria-invalid")).isEqualTo("true");
            ui.script("const t = document.getElementById('history-to'); t.value = '2026-11-22'; t.dispatchEvent(new Event('change', {bubbles: true}));");
            ui.waiting().until(d -> rows(ui, "data-type").size() == 2);
            assertThat(rows(ui, "data-type")).containsExactlyInAnyOrder("download_failed", "import");
            assertThat(ui.browser().findElements(By.cssSelector("#history-to + .field-error"))).isEmpty();
        }
    }

    @Test
    void aLongHistoryIsReadPageByPage() throws Exception {
        try (UiHarness ui = open("fr", 1280)) {
            peers.releasesByTitle.clear();
            for (int i = 0; i < 48; i++) { // each check of Berserk searches once: a history of more than one page
                ui.kanzen().check(false, "Berserk");
            }
            long total = ui.kanzen().history(io.kanzen.core.HistoryFilter.ALL, 0, 1).total();
            assertThat(total).isBetween(51L, 100L);
            ui.go("history");
            assertThat(ui.browser().findElement(By.id("history-count")).getText()).isEqualTo("1–50 sur " + total);
            assertThat(rows(ui, "data-id")).hasSize(50);
            assertThat(ui.browser().findElement(By.id("history-previous")).isEnabled()).isFalse();
            List<String> first = rows(ui, "data-id");

            ui.browser().findElement(By.id("history-next")).click();
            ui.waiting().until(ExpectedConditions.textToBe(By.id("history-count"), "51–" + total + " sur " + total));
            assertThat(rows(ui, "data-id")).hasSize((int) total - 50).doesNotContainAnyElementsOf(first);
            assertThat(ui.browser().findElement(By.id("history-next")).isEnabled()).isFalse();
            assertThat(rows(ui, "data-type")).as("the oldest events come last").endsWith("grab", "search");

            ui.browser().findElement(By.id("history-previous")).click();
            ui.waiting().until(ExpectedConditions.textToBe(By.id("history-count"), "1–50 sur " + total));
        }
    }

    @Test
    void aFailureReadsInFrenchAndThePluginsEnglishSentenceIsOnlyATechnicalDetailFoldedUnderIt() throws Exception {
        try (UiHarness ui = open("fr", 1280)) {
            ui.go("history");
            WebElement failure = ui.browser().findElement(By.cssSelector("#history-table tbody tr[data-type=failure]"));
            assertThat(failure.getText()).contains("Envoi : client a répondu quelque chose d’illisible.", "Détail technique")
                    .doesNotContain("refused");
            assertThat(ui.browser().findElement(By.cssSelector("#history-table tbody tr[data-type=download_failed]")).getText())
                    .contains("Le téléchargement a échoué dans client : sortie bloquée, le tome est de nouveau recherché.").doesNotContain("tracker");
            assertThat(ui.visibleText()).as("a closed disclosure's content is not visible text").doesNotContain("the client refused the link");
            assertThat(FrenchTextTest.englishWords(ui.visibleText().replace("One Piece", ""))).as("the folded English is not read on the page")
                    .isEmpty();

            failure.findElement(By.cssSelector("details.tech-detail > summary")).click();
            assertThat(failure.findElement(By.cssSelector("details.tech-detail")).getText()).contains("the client refused the link");
        }
    }

    @Test
    void inEnglishAFailureReadsInEnglishWithItsTechnicalDetailFolded() throws Exception {
        try (UiHarness ui = open("en", 1280)) {
            ui.go("history");
            WebElement failure = ui.browser().findElement(By.cssSelector("#history-table tbody tr[data-type=failure]"));
            assertThat(failure.getText()).contains("Sending: client answered something that cannot be read.", "Technical detail")
                    .doesNotContain("refused", "Envoi");
            assertThat(ui.browser().findElement(By.cssSelector("#history-table tbody tr[data-type=import]")).getText())
                    .contains("1 file placed in").doesNotContain("(s)");
        }
    }

    @Test
    void inEnglishTheTypesColumnsAndActionsAreEnglish() throws Exception {
        try (UiHarness ui = open("en", 1280)) {
            ui.go("history");
            String text = ui.visibleText();
            assertThat(text).contains("Types", "All series", "Export as CSV", "Download failed", "Import failed", "Next");
            assertThat(text).doesNotContain("Envoi", "Toutes les séries", "Exporter");
        }
    }

    @Test
    void onAPhoneTheHistoryFitsTheScreenWidth() throws Exception {
        try (UiHarness ui = open("fr", 360)) {
            ui.go("history");
            assertThat(rows(ui, "data-type")).isNotEmpty();
            assertThat(ui.visibleText()).as("counts agree with their word, never \"résultat(s)\"").doesNotContain("(s)");
            assertThat(ui.scrollsSideways()).isFalse();
            assertThat(ui.browser().findElement(By.id("history-filter-box")).getAttribute("open")).as("the events first, filters folded").isNull();
            ui.browser().findElement(By.cssSelector("#history-filter-box > summary")).click();
            ui.browser().findElement(By.cssSelector(".history-chip input[value=import]")).click();
            ui.waiting().until(d -> rows(ui, "data-type").equals(List.of("import")));
            assertThat(ui.scrollsSideways()).isFalse();
            assertThat(ui.browser().findElement(By.id("history-active")).getText()).isEqualTo("1 actif");
            ui.shot("history-phone");
        }
    }
}
