package io.kanzen.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Téléchargements in a browser, over a real qbittorrent-nox: the queue, cancelling, linking, the finished ones. */
class DownloadsPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random();
    private static QBittorrentDaemon qbittorrent;
    @TempDir
    Path tmp;

    @BeforeAll
    static void startQBittorrent() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-queue-ui-qbt-"));
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
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER,
                "password", QBittorrentDaemon.PASSWORD));
    }

    /** A magnet nobody seeds: qBittorrent keeps it, looking for its metadata, for as long as the test runs. */
    private static String magnet(String name) {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            hash.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return "magnet:?xt=urn:btih:" + hash + "&dn=" + name.replace(' ', '+');
    }

    private static List<String> inQBittorrent() throws Exception {
        HttpClient c = loggedIn();
        String list = c.send(HttpRequest.newBuilder(URI.create(qbittorrent.url() + "/api/v2/torrents/info")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return JSON.readTree(list).findValuesAsText("hash");
    }

    private static WebElement row(UiHarness ui, long id) {
        return ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue tr[data-id='" + id + "']")));
    }

    @Test
    void an_active_download_shows_its_client_state_and_progress_and_cancelling_it_removes_it_from_qbittorrent() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            Grab g = ui.kanzen().grab("qbittorrent", magnet("One Piece T100"), "One Piece", VolumeRange.of(100));
            Grab other = ui.kanzen().grab("qbittorrent", magnet("One Piece T102"), "One Piece", VolumeRange.of(102));
            ui.loginAsAdmin();
            ui.tab("downloads");

            WebElement r = row(ui, g.id());
            assertThat(r.findElement(By.cssSelector(".col-client")).getText()).isEqualTo("qbittorrent");
            assertThat(r.findElement(By.cssSelector(".col-progress")).getText()).contains("0 %");
            assertThat(r.findElement(By.cssSelector(".col-state")).getText()).isNotBlank().doesNotContain("stalled", "queued", "downloading")
                    .as("the shared state words, capitalised as on Aperçu").matches("\\p{Lu}.*");
            assertThat(r.findElement(By.cssSelector(".col-eta")).getText()).isEqualTo("–"); // nothing comes in: no time can be told
            assertThat(r.findElement(By.cssSelector(".col-date")).getText()).as("the day as a collector writes it, not 02/12/2026")
                    .matches("\\d{1,2} \\p{L}+\\.? \\d{4}(,| à)? \\d{2}:\\d{2}");
            assertThat(ui.visibleText()).contains("En cours (2)", "Vitesse", "Reste", "Actualiser").doesNotContain("Rafraîchir");
            ui.shot("downloads");

            r.findElement(By.cssSelector("button[data-action=cancel]")).click();
            WebElement ask = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(ask.getText()).contains("One Piece 100", "qbittorrent");
            ask.findElement(By.cssSelector("button[data-answer=yes]")).click();

            ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#queue tr[data-id='" + g.id() + "']")));
            String hash = g.handle();
            assertThat(inQBittorrent()).doesNotContain(hash).contains(other.handle());
            assertThat(ui.visibleText()).contains("En cours (1)", "Terminés (1)");
            ui.browser().findElement(By.cssSelector("#finished summary")).click();
            assertThat(ui.browser().findElement(By.cssSelector("#finished-list tr[data-id='" + g.id() + "'] .col-state")).getText()).isEqualTo("Annulé");
        }
    }

    @Test
    void a_download_sent_without_a_series_is_linked_to_one_from_the_queue() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            Grab g = ui.kanzen().grab("qbittorrent", magnet("OP 100"), "Un titre inconnu", null);
            assertThat(g.linked()).isFalse();
            ui.loginAsAdmin();
            ui.go("downloads");

            WebElement r = row(ui, g.id());
            assertThat(r.getText()).contains("non liée à une série");
            r.findElement(By.cssSelector("button[data-action=link]")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("link-series-dialog")));
            new Select(ui.browser().findElement(By.id("link-series"))).selectByVisibleText("One Piece");
            ui.browser().findElement(By.id("link-volume")).sendKeys("100");
            ui.browser().findElement(By.id("link-submit")).click();

            ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("link-series-dialog")));
            ui.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-list"), "non liée")));
            assertThat(ui.visibleText()).contains("Lié à One Piece");
            Grab linked = ui.kanzen().downloads().stream().filter(d -> d.grab().id() == g.id()).findFirst().orElseThrow().grab();
            assertThat(linked.linked()).isTrue();
            assertThat(linked.volume()).isEqualTo(VolumeRange.of(100));
            assertThat(row(ui, g.id()).getText()).doesNotContain("non liée");
        }
    }

    @Test
    void an_import_that_failed_is_shown_with_its_retry() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            // a finished torrent holding no volume file: qBittorrent seeds it from its save path, the import cannot place it
            Path saved = Files.createDirectories(tmp.resolve("qbt-saved"));
            byte[] content = "pas un tome".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(saved.resolve("lisez-moi.txt"), content);
            String hash = addSeededTorrent("lisez-moi.txt", content, saved);
            Grab g = ui.kanzen().grab("qbittorrent", "magnet:?xt=urn:btih:" + hash, "One Piece", VolumeRange.of(100));
            for (int i = 0; i < 100 && !completed(ui.kanzen(), g.id()); i++) {
                Thread.sleep(100);
            }
            ui.kanzen().trackDownloads();
            assertThat(ui.kanzen().downloads().get(0).grab().importError()).isNotBlank();
            ui.loginAsAdmin();
            ui.go("downloads");

            WebElement r = row(ui, g.id());
            assertThat(r.findElement(By.cssSelector(".import-error")).getText()).startsWith("Import échoué :");
            r.findElement(By.cssSelector("button[data-action=retry]")).click();
            // tried again now: still no volume in it, so the error stays, said again next to the queue
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Relancé."));
            assertThat(row(ui, g.id()).findElement(By.cssSelector(".import-error")).isDisplayed()).isTrue();
        }
    }

    /** A download of One Piece 100 that failed: sent, then gone from qBittorrent before it said where its files were. */
    private Grab failed(Kanzen kanzen) throws Exception {
        Grab g = kanzen.grab("qbittorrent", magnet("One Piece T100"), "One Piece", VolumeRange.of(100));
        loggedIn().send(HttpRequest.newBuilder(URI.create(qbittorrent.url() + "/api/v2/torrents/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("hashes=" + g.handle() + "&deleteFiles=true")).build(), HttpResponse.BodyHandlers.ofString());
        kanzen.trackDownloads();
        assertThat(state(kanzen, g.id())).isEqualTo(Grab.State.DOWNLOAD_FAILED);
        return g;
    }

    private static Grab.State state(Kanzen kanzen, long grabId) {
        return kanzen.downloads().stream().filter(d -> d.grab().id() == grabId).findFirst().orElseThrow().grab().state();
    }

    private static WebElement finishedRow(UiHarness ui, long id) {
        ui.browser().findElement(By.cssSelector("#finished summary")).click();
        return ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#finished-list tr[data-id='" + id + "']")));
    }

    @Test
    void a_failed_download_is_sent_again_by_retry_and_what_it_did_shows_beside_it() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            Grab g = failed(ui.kanzen());
            assertThat(inQBittorrent()).doesNotContain(g.handle());
            ui.loginAsAdmin();
            ui.go("downloads");

            WebElement r = finishedRow(ui, g.id());
            assertThat(r.findElement(By.cssSelector(".col-state")).getText()).isEqualTo("Téléchargement échoué");
            assertThat(r.findElements(By.cssSelector("button[data-action]"))).extracting(b -> b.getAttribute("data-action"))
                    .containsExactly("retry", "blocklist");
            r.findElement(By.cssSelector("button[data-action=retry]")).click();

            // sent again: the row moves to the active list, the message with it, beside its buttons, through the refreshes
            row(ui, g.id());
            ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#queue tr[data-id='" + g.id() + "'] .actions .feedback-ok"),
                    "Relancé."));
            assertThat(row(ui, g.id()).findElements(By.cssSelector("button[data-action=cancel]"))).hasSize(1);
            assertThat(inQBittorrent()).contains(g.handle());
            assertThat(state(ui.kanzen(), g.id())).isEqualTo(Grab.State.SENT);
            ui.script("document.getElementById('queue-refresh').click()");
            ui.waiting().until(d -> d.findElement(By.cssSelector("#queue-refresh")).isEnabled());
            assertThat(row(ui, g.id()).findElement(By.cssSelector(".actions .feedback")).getText()).isEqualTo("Relancé.");
        }
    }

    @Test
    void blocking_a_failed_download_asks_first_then_keeps_its_release_out() throws Exception {
        try (UiHarness ui = UiHarness.start(tmp.resolve("data"))) {
            library(ui.kanzen());
            Grab g = failed(ui.kanzen());
            ui.loginAsAdmin();
            ui.go("downloads");

            finishedRow(ui, g.id()).findElement(By.cssSelector("button[data-action=blocklist]")).click();
            WebElement ask = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(ask.getText()).contains("One Piece 100", "ne sera plus jamais envoyée").doesNotContain("retirée");
            ask.findElement(By.cssSelector("button[data-answer=no]")).click();
            ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertThat(ui.kanzen().history(true, 50)).noneMatch(e -> e.message() != null && e.message().contains("blocklisted by hand"));

            WebElement r = ui.browser().findElement(By.cssSelector("#finished-list tr[data-id='" + g.id() + "']"));
            r.findElement(By.cssSelector("button[data-action=blocklist]")).click();
            ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm button[data-answer=yes]"))).click();

            WebElement said = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#finished-list tr[data-id='" + g.id() + "'] .actions .feedback-ok")));
            assertThat(said.getText()).isEqualTo("Bloqué.");
            assertThat(ui.browser().findElement(By.cssSelector("#finished-list tr[data-id='" + g.id() + "'] .col-state")).getText()).isEqualTo("Téléchargement échoué");
            assertThat(ui.kanzen().history(true, 50)).anyMatch(e -> e.kind() == io.kanzen.core.HistoryEvent.Kind.DOWNLOAD_CONTROL
                    && e.message().contains("blocklisted by hand"));
            assertThat(state(ui.kanzen(), g.id())).isEqualTo(Grab.State.DOWNLOAD_FAILED);
            assertThat(inQBittorrent()).doesNotContain(g.handle());
        }
    }

    private static boolean completed(Kanzen kanzen, long grabId) {
        return kanzen.downloads().stream().anyMatch(d -> d.grab().id() == grabId && d.status() != null
                && d.status().state() == io.kanzen.api.DownloadState.COMPLETED);
    }

    /** Adds a one-piece .torrent of {@code content} to qBittorrent, its data already in {@code dir}; returns its info-hash. */
    private static String addSeededTorrent(String name, byte[] content, Path dir) throws Exception {
        java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
        java.io.ByteArrayOutputStream info = new java.io.ByteArrayOutputStream();
        info.writeBytes(("d6:lengthi" + content.length + "e4:name" + name.length() + ":" + name + "12:piece lengthi16384e6:pieces20:")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        info.writeBytes(sha1.digest(content));
        info.write('e');
        byte[] infoBytes = info.toByteArray();
        java.io.ByteArrayOutputStream torrent = new java.io.ByteArrayOutputStream();
        torrent.writeBytes("d4:info".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        torrent.writeBytes(infoBytes);
        torrent.write('e');
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(infoBytes));

        String boundary = "kanzen" + hash;
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"savepath\"\r\n\r\n" + dir + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"torrents\"; filename=\"" + hash + ".torrent\"\r\n"
                + "Content-Type: application/x-bittorrent\r\n\r\n";
        body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(torrent.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpClient c = loggedIn();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(qbittorrent.url() + "/api/v2/torrents/add"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return hash;
    }

    private static HttpClient loggedIn() throws Exception {
        HttpClient c = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        c.send(HttpRequest.newBuilder(URI.create(qbittorrent.url() + "/api/v2/auth/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + QBittorrentDaemon.USER + "&password=" + QBittorrentDaemon.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        return c;
    }

    @Test
    void in_english_and_on_a_phone_the_queue_reads_and_fits() throws Exception {
        try (UiHarness ui = UiHarness.english(tmp.resolve("data"))) {
            library(ui.kanzen());
            Grab g = ui.kanzen().grab("qbittorrent", magnet("One Piece T100"), "One Piece", VolumeRange.of(100));
            ui.loginAsAdmin();
            ui.go("downloads");
            row(ui, g.id());
            assertThat(ui.visibleText()).contains("In progress (1)", "Speed", "Time left", "Cancel", "Blocklist").doesNotContain("Annuler", "En cours");
        }
        try (UiHarness ui = UiHarness.phone(tmp.resolve("phone"))) {
            library(ui.kanzen());
            Grab g = ui.kanzen().grab("qbittorrent", magnet("One Piece T100"), "One Piece", VolumeRange.of(100));
            ui.loginAsAdmin();
            ui.go("downloads");
            assertThat(row(ui, g.id()).findElement(By.cssSelector("button[data-action=cancel]")).isDisplayed()).isTrue();
            assertThat(ui.scrollsSideways()).isFalse();
            ui.shot("downloads-phone");
        }
    }
}
