package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Kanzen;
import io.kanzen.server.FakeProwlarr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Aperçu in a real Chromium: a check started from the page is watched live (server-sent events) and ends with
 * its summary; a check whose Prowlarr refuses the API key shows the problem with the link to where it is fixed.
 * Two series (One Piece owns only volume 101, Berserk volume 3) and a Prowlarr played from its fixtures.
 */
class OverviewPageTest {
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarrServer = new MockWebServer();
    private final FakeProwlarr prowlarr = new FakeProwlarr();

    private UiHarness library(UiHarness ui) throws Exception {
        prowlarrServer.setDispatcher(prowlarr);
        Files.write(Files.createDirectories(tmp.resolve("manga/One Piece")).resolve("One Piece - Tome 101.cbz"), new byte[] {1});
        Files.write(Files.createDirectories(tmp.resolve("manga/Berserk")).resolve("Berserk - Tome 3.cbz"), new byte[] {1});
        Kanzen kanzen = ui.kanzen();
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarrServer.url("/").toString(), "apiKey", "0123456789abcdef0123"));
        return ui;
    }

    @Test
    void aCheckStartedFromThePageIsWatchedLiveThenSummedUpAndItsProposalIsOneClickAway() throws Exception {
        try (UiHarness ui = library(UiHarness.start(tmp.resolve("data"))).loginAsAdmin()) {
            prowlarr.delayMillis = 1500; // a search takes a while: the check is seen running
            WebElement page = ui.go("overview");
            assertThat(page.findElement(By.id("stat-monitored")).getText()).isEqualTo("2");
            assertThat(page.findElement(By.id("stat-missing")).getText()).isEqualTo("102"); // 1–100 and 1–2
            assertThat(page.findElement(By.id("last-check")).getText()).contains("Aucune vérification");
            assertThat(page.findElement(By.id("download-mode")).getText()).as("said whole, not cut off")
                    .isEqualTo("Téléchargement automatique : désactivé — les vérifications proposent les téléchargements à approuver (Propositions)");
            assertThat(page.findElement(By.id("next-check")).getText()).as("no scheduler runs in this harness: said so, not 'not yet'")
                    .contains("Planificateur arrêté");
            assertThat(page.getText()).as("the figures say what Statistiques says").contains("échoués").doesNotContain("en échec");

            ui.browser().findElement(By.id("check-now")).click();

            WebDriverWait wait = new WebDriverWait(ui.browser(), Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "Vérification en cours"));
            assertThat(ui.browser().findElement(By.id("check-progress")).isDisplayed()).isTrue();
            assertThat(ui.browser().findElement(By.id("check-status")).getText()).contains("sur 2 séries");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-summary"),
                    "Vérification terminée : 2 séries, 0 envoyé, 0 problème"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("last-check"), "2 recherches"));
            assertThat(ui.browser().findElement(By.cssSelector("#last-check p")).getText()).as("a date as a collector writes it, not 02/12/2026")
                    .matches("Le \\d{1,2} \\p{L}+\\.? \\d{4}(,| à)? \\d{2}:\\d{2}, en .*");
            assertThat(ui.browser().findElement(By.id("check-progress")).isDisplayed()).isFalse();
            WebElement badge = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("proposals-badge")));
            assertThat(badge.getText()).isEqualTo("1 proposition attend votre accord");
            assertThat(ui.browser().findElement(By.id("overview-problems")).isDisplayed()).isFalse();
            ui.shot("overview");

            badge.click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=proposals][data-ready]")));
            assertThat(ui.visibleText()).contains("One Piece Tomes 1 à 100 - Intégrale FR (CBZ)");
        }
    }

    @Test
    void aCheckWhoseProwlarrRefusesTheKeyShowsTheProblemAndWhereToFixIt() throws Exception {
        try (UiHarness ui = library(UiHarness.start(tmp.resolve("data"))).loginAsAdmin()) {
            prowlarr.apiKeyRefused = true;
            ui.go("overview");
            ui.browser().findElement(By.id("check-now")).click();

            WebDriverWait wait = new WebDriverWait(ui.browser(), Duration.ofSeconds(20));
            WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview-problems")));
            // the series run side by side: Berserk's search may meet the refusal too before the source backs off
            wait.until(ExpectedConditions.textMatches(By.id("check-summary"), java.util.regex.Pattern.compile(
                    "Vérification terminée : 2 séries, 0 envoyé, (1 problème|2 problèmes)")));
            assertThat(banner.getText()).contains("À regarder").contains("prowlarr");
            assertThat(banner.findElements(By.cssSelector("a.fix"))).extracting(a -> a.getAttribute("href")).isNotEmpty()
                    .allMatch(h -> h.endsWith("#/settings"));
            assertThat(banner.findElements(By.cssSelector("a.series-link"))).extracting(a -> a.getAttribute("href"))
                    .anyMatch(h -> h.matches(".*#/series/\\d+"));
            assertThat(banner.getText()).containsPattern("(One Piece|Berserk) : prowlarr refuse les identifiants : vérifiez la clé ou le mot de passe\\.");
            // Prowlarr's own English sentence: only folded behind "Détail technique" (histcodes)
            assertThat(FrenchTextTest.englishWords(banner.getText().replace("One Piece", ""))).isEmpty();
            WebElement detail = banner.findElement(By.cssSelector("li[data-kind=source] details.tech-detail"));
            assertThat(detail.getText()).isEqualTo("Détail technique");
            assertThat(banner.findElement(By.cssSelector("li[data-kind=source] a.fix")).getText()).isEqualTo("Régler la source");
            ui.shot("overview-problems");
            detail.findElement(By.tagName("summary")).click();
            assertThat(detail.getText()).startsWith("Détail technique").hasSizeGreaterThan("Détail technique".length() + 5);

            banner.findElement(By.cssSelector("li[data-kind=source] a.fix")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=settings][data-ready]")));
        }
    }

    @Test
    void inEnglishTheOverviewSpeaksEnglish() throws Exception {
        try (UiHarness ui = library(UiHarness.english(tmp.resolve("data")))) {
            ui.kanzen().check(false, null);
            WebElement page = ui.loginAsAdmin().go("overview");
            assertThat(page.getText()).contains("series monitored", "Last check", "Next check", "Check now", "1 proposal awaits your approval")
                    .doesNotContain("Vérifier", "séries surveillées");
        }
    }

    @Test
    void atPhoneWidthTheOverviewWithItsProblemsFitsTheScreen() throws Exception {
        try (UiHarness ui = library(UiHarness.phone(tmp.resolve("data")))) {
            prowlarr.apiKeyRefused = true;
            ui.kanzen().check(false, null);
            ui.loginAsAdmin().go("overview");
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("overview-problems")));
            assertThat(ui.scrollsSideways()).isFalse();
            ui.shot("overview-phone");
        }
    }
}
