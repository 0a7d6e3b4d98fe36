package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.Kanzen;
import io.kanzen.core.Proposal;
import io.kanzen.server.FakeProwlarr;
import io.kanzen.server.QBittorrentTorrents;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Propositions page in a real Chromium: with automatic download off, a check's proposal shows with its release,
 * size, seeders, score and why; approving it sends it to a real qbittorrent-nox, rejecting it (after a confirmation)
 * blocklists it. One Piece owns only volume 101, so the fixture Prowlarr's "Tomes 1 à 100" pack is proposed.
 */
class ProposalsPageTest {
    private static final String PACK = "One Piece Tomes 1 à 100 - Intégrale FR (CBZ)";
    private static QBittorrentDaemon qbittorrent;
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarrServer = new MockWebServer();

    @BeforeAll
    static void startClient() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-proposals-ui-qbt-"));
        qbittorrent.start();
    }

    @AfterAll
    static void stopClient() {
        if (qbittorrent != null) {
            qbittorrent.stop();
        }
    }

    @BeforeEach
    void emptyClient() throws Exception {
        QBittorrentTorrents.clear(qbittorrent);
        prowlarrServer.setDispatcher(new FakeProwlarr());
    }

    private UiHarness checked(UiHarness ui) throws Exception {
        Files.write(Files.createDirectories(tmp.resolve("manga/One Piece")).resolve("One Piece - Tome 101.cbz"), new byte[] {1});
        Kanzen kanzen = ui.kanzen();
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarrServer.url("/").toString(), "apiKey", "0123456789abcdef0123"));
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER, "password",
                QBittorrentDaemon.PASSWORD));
        kanzen.check(false, null); // automatic download is off on a first start: the check proposes
        return ui.loginAsAdmin();
    }

    @Test
    void aProposalShowsWhatAndWhyAndApprovingItSendsItToQbittorrent() throws Exception {
        try (UiHarness ui = checked(UiHarness.start(tmp.resolve("data")))) {
            WebElement page = ui.go("proposals");
            assertThat(page.findElement(By.id("proposals-title")).getText()).isEqualTo("1 proposition en attente");
            WebElement card = page.findElement(By.cssSelector(".proposal"));
            assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo("One Piece · tomes 1–100");
            assertThat(card.findElement(By.cssSelector(".release")).getText()).isEqualTo(PACK);
            assertThat(card.findElements(By.cssSelector(".facts dt"))).extracting(WebElement::getText).containsExactly("Source", "Taille", "Seeders", "Score");
            assertThat(card.findElements(By.cssSelector(".facts dd"))).extracting(WebElement::getText).startsWith("prowlarr", "7,5 Go", "7");
            int score = Integer.parseInt(card.findElement(By.cssSelector(".facts dd.score")).getText().replaceAll("\\D", ""));
            assertThat(score).isEqualTo(ui.kanzen().proposals().get(0).score());
            card.findElement(By.cssSelector("details.why summary")).click();
            assertThat(card.findElement(By.cssSelector("details.why")).getText()).contains("série", "tomes voulus", "langue")
                    .as("what the engine saw, in French by its codes").contains("apporte les tomes 1–100", "le titre nomme « One Piece »")
                    .doesNotContain("brings wanted");
            ui.shot("proposals");

            card.findElement(By.cssSelector("button.approve")).click();

            ui.waiting().until(ExpectedConditions.textToBePresentInElement(card, "Envoyé à qbittorrent"));
            assertThat(QBittorrentTorrents.names(qbittorrent)).hasSize(1);
            assertThat(page.findElement(By.id("proposals-title")).getText()).isEqualTo("Aucune proposition en attente");
            assertThat(ui.kanzen().proposals()).isEmpty();
            assertThat(ui.kanzen().downloads()).singleElement().satisfies(d -> assertThat(d.grab().releaseTitle()).isEqualTo(PACK));
        }
    }

    @Test
    void rejectingAsksFirstThenBlocklistsSoTheNextCheckProposesAnother() throws Exception {
        try (UiHarness ui = checked(UiHarness.start(tmp.resolve("data")))) {
            WebElement card = ui.go("proposals").findElement(By.cssSelector(".proposal"));
            card.findElement(By.cssSelector("button.reject")).click();
            WebElement dialog = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(dialog.getText()).contains(PACK).contains("une autre");
            dialog.findElement(By.cssSelector("button[data-answer=yes]")).click();

            ui.waiting().until(ExpectedConditions.textToBePresentInElement(card, "Rejetée"));
            assertThat(ui.kanzen().allProposals()).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(Proposal.State.REJECTED));
            ui.kanzen().check(false, null);
            assertThat(ui.kanzen().proposals()).isNotEmpty().extracting(Proposal::releaseTitle).doesNotContain(PACK);
            assertThat(QBittorrentTorrents.names(qbittorrent)).isEmpty();
        }
    }

    @Test
    void theDecidedListShowsASentOneWithItsDownloadAndUndoingARejectionUnblocksIt() throws Exception {
        try (UiHarness ui = checked(UiHarness.start(tmp.resolve("data")))) {
            Kanzen kanzen = ui.kanzen();
            long pack = kanzen.proposals().get(0).id();
            kanzen.rejectProposal(pack);
            kanzen.check(false, null); // the pack blocklisted: volume 100 alone is proposed, and rejected too
            Proposal single = kanzen.rejectProposal(kanzen.proposals().get(0).id());
            kanzen.unrejectProposal(pack);
            long grab = kanzen.approveProposal(pack).id();

            ui.go("proposals").findElement(By.linkText("Décidées")).click();
            WebElement page = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decided")));
            assertThat(ui.browser().findElement(By.cssSelector("#proposals-lists [aria-current=page]")).getText()).isEqualTo("Décidées");
            java.util.List<WebElement> items = page.findElements(By.cssSelector(".decided-item"));
            assertThat(items).extracting(e -> e.getAttribute("data-state")).containsExactly("approved", "rejected");
            WebElement sent = items.get(0);
            assertThat(sent.findElement(By.tagName("h3")).getText()).isEqualTo("One Piece · tomes 1–100 envoyée");
            assertThat(sent.findElement(By.cssSelector(".release")).getText()).isEqualTo(PACK);
            assertThat(sent.findElement(By.cssSelector(".reason")).getText()).isEqualTo("Approuvée à la main.");
            assertThat(sent.findElement(By.cssSelector(".when")).getText()).startsWith("Décidée le ").endsWith("prowlarr");
            assertThat(sent.findElement(By.cssSelector("a.download-link")).getText()).isEqualTo("Voir le téléchargement (envoyé)");
            WebElement rejected = items.get(1);
            assertThat(rejected.findElement(By.cssSelector(".release")).getText()).isEqualTo(single.releaseTitle());
            assertThat(rejected.findElement(By.tagName("h3")).getText()).isEqualTo("One Piece · tome 100 rejetée");
            assertThat(rejected.findElement(By.cssSelector(".reason")).getText()).isEqualTo("Rejetée à la main : cette version est bloquée pour la série.");
            ui.shot("proposals-decided");

            rejected.findElement(By.cssSelector("button.unreject")).click();

            // volume 100 is held by the pack sent since: unblocked, but not sendable as it is
            ui.waiting().until(ExpectedConditions.textToBePresentInElement(rejected, "n’est plus bloquée"));
            assertThat(rejected.getText()).contains("Ce tome a été envoyé depuis par un autre téléchargement.");
            assertThat(rejected.getAttribute("data-state")).isEqualTo("superseded");
            assertThat(kanzen.allProposals()).filteredOn(p -> p.id() == single.id()).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(Proposal.State.SUPERSEDED));

            sent.findElement(By.cssSelector("a.download-link")).click();
            WebElement row = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view tr.highlight")));
            assertThat(row.getAttribute("data-id")).isEqualTo(String.valueOf(grab));
        }
    }

    @Test
    void undoingARejectionPutsTheProposalBackInThePendingList() throws Exception {
        try (UiHarness ui = checked(UiHarness.start(tmp.resolve("data")))) {
            long pack = ui.kanzen().proposals().get(0).id();
            ui.kanzen().rejectProposal(pack);

            WebElement item = ui.go("proposals/decided").findElement(By.cssSelector(".decided-item[data-state=rejected]"));
            item.findElement(By.cssSelector("button.unreject")).click();

            ui.waiting().until(ExpectedConditions.textToBePresentInElement(item, "De nouveau en attente"));
            assertThat(ui.kanzen().proposals()).extracting(Proposal::id).containsExactly(pack);
            item.findElement(By.linkText("En attente")).click();
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("proposals-title"), "1 proposition en attente"));
            assertThat(ui.browser().findElement(By.cssSelector(".proposal .release")).getText()).isEqualTo(PACK);
        }
    }

    @Test
    void inEnglishTheDecidedListSaysWhyAndStartsEmpty() throws Exception {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data")).loginAsAdmin()) {
            WebElement page = ui.go("proposals/decided");
            assertThat(page.getText()).contains("Decided proposals", "No decided proposal yet.");
            assertThat(page.findElement(By.id("decided-more")).isDisplayed()).isFalse();
        }
    }

    @Test
    void inEnglishTheExplanationReadsInEnglishAndAScorerPluginsOwnSentenceStaysBehindADisclosureInFrench() throws Exception {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data"))) {
            ui.kanzen().saveScorer("filters", "filters", Map.of("preferredWords", "intégrale=3"));
            checked(ui);
            WebElement card = ui.go("proposals").findElement(By.cssSelector(".proposal"));
            card.findElement(By.cssSelector("details.why summary")).click();
            String why = card.findElement(By.cssSelector("details.why")).getText();
            assertThat(why).contains("brings wanted volumes 1–100", "the title names “One Piece”").doesNotContain("apporte");
            String pluginSentence = ui.kanzen().proposals().get(0).scoreParts().stream().filter(c -> c.code() == null)
                    .map(io.kanzen.api.scoring.ScoreComponent::why).findFirst().orElseThrow();
            assertThat(why).as("in English a plugin's own sentence reads as it is").contains(pluginSentence);

            new org.openqa.selenium.support.ui.Select(ui.browser().findElement(By.id("lang"))).selectByValue("fr");
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Pourquoi ce choix"));
            WebElement french = ui.browser().findElement(By.cssSelector("#view .proposal"));
            french.findElement(By.cssSelector("details.why summary")).click();
            WebElement disclosure = french.findElement(By.cssSelector("details.why details.plugin-text"));
            assertThat(disclosure.getText()).isEqualTo("texte du module (anglais)");
            assertThat(french.getText()).doesNotContain(pluginSentence);
            disclosure.findElement(By.tagName("summary")).click();
            assertThat(disclosure.getText()).contains(pluginSentence);
        }
    }

    @Test
    void inEnglishAnEmptyListSaysWhatToDo() throws Exception {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data")).loginAsAdmin()) {
            WebElement page = ui.go("proposals");
            assertThat(page.getText()).contains("No pending proposal. Start a check from the Overview");
            page.findElement(By.cssSelector(".empty button")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view [data-page=overview][data-ready]")));
        }
    }

    @Test
    void aProposalWhoseSendFailedSaysSoInFrenchWithTheClientsOwnSentenceFolded() throws Exception {
        try (UiHarness ui = checked(UiHarness.start(tmp.resolve("data")))) {
            Kanzen kanzen = ui.kanzen();
            kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", "http://127.0.0.1:9", "username", "admin", "password", "mot-de-passe"));
            long id = kanzen.proposals().get(0).id();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> kanzen.approveProposal(id)).isInstanceOf(io.kanzen.core.KanzenException.class);

            WebElement card = ui.go("proposals").findElement(By.cssSelector(".proposal"));
            WebElement failure = card.findElement(By.cssSelector(".feedback-error"));
            assertThat(failure.getText()).startsWith("Le dernier envoi a échoué").doesNotContain("the last approval failed");
            assertThat(failure.findElement(By.cssSelector("details.tech-detail")).getAttribute("open")).isNull();
            assertThat(failure.findElement(By.cssSelector("details.tech-detail .tech-detail-text")).getAttribute("textContent"))
                    .contains("the last approval failed");
        }
    }

    @Test
    void atPhoneWidthAProposalFitsTheScreen() throws Exception {
        try (UiHarness ui = checked(UiHarness.phone(tmp.resolve("data")))) {
            ui.go("proposals").findElement(By.cssSelector("details.why summary")).click();
            assertThat(ui.scrollsSideways()).isFalse();
            ui.shot("proposals-phone");
            ui.kanzen().rejectProposal(ui.kanzen().proposals().get(0).id());
            ui.go("proposals/decided").findElement(By.cssSelector(".decided-item button.unreject"));
            assertThat(ui.scrollsSideways()).as("the decided list at 360 px").isFalse();
        }
    }
}
