package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.CheckReport;
import io.kanzen.core.DownloadSettings;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.TrackReport;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last step of the loop with real daemons: a real .cbz moves from a seeding qbittorrent-nox to the one Kanzen
 * uses (addPeers on loopback), and Kanzen puts it in the library.
 */
class DownloadLoopDaemonTest {
    private static QBittorrentDaemon seeder;
    private static QBittorrentDaemon leecher;

    @TempDir
    Path tmp;
    private Path root;
    private Seeding seeding;
    private Seeding.WebUi leecherUi;
    private final MockWebServer prowlarr = new MockWebServer();

    @BeforeAll
    static void startDaemons() throws Exception {
        seeder = new QBittorrentDaemon(Files.createTempDirectory("kanzen-loop-seed-"));
        leecher = new QBittorrentDaemon(Files.createTempDirectory("kanzen-loop-leech-"));
        seeder.start();
        leecher.start();
    }

    @AfterAll
    static void stopDaemons() {
        seeder.stop();
        leecher.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("manga");
        Files.createDirectories(root.resolve("Berserk"));
        Files.write(root.resolve("Berserk/Berserk T02.cbz"), new byte[] {1, 2, 3});
        seeding = new Seeding("Berserk - Tome 01 [FR] " + tmp.getFileName() + ".cbz", 20, seeder, tmp.resolve("seed"));
        leecherUi = new Seeding.WebUi(leecher);
        prowlarr.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/download/t.torrent")) { // Prowlarr hands out the indexers' .torrent files
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/x-bittorrent")
                            .body(new okio.Buffer().write(seeding.torrent)).build();
                }
                String body = request.getUrl().encodedPath().startsWith("/api/v1/search")
                        ? "[{\"title\": \"Berserk - Tome 01 [FR] [CBZ]\", \"guid\": \"g-" + seeding.hash + "\", \"downloadUrl\": \"" + torrentUrl()
                                + "\", \"size\": " + seeding.cbz.length + ", \"seeders\": 5, \"leechers\": 0, \"protocol\": \"torrent\", \"infoHash\": \""
                                + seeding.hash + "\", \"indexer\": \"test\"}]"
                        : "{\"appName\": \"Prowlarr\", \"version\": \"1.0\"}";
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
            }
        });
        prowlarr.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        leecherUi.delete(seeding.hash, true);
        seeding.close();
        prowlarr.close();
        for (Path dir : List.of(leecher.downloads())) {
            try (var files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().contains(tmp.getFileName().toString())).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Kanzen open(Path data) {
        Kanzen kanzen = Kanzen.builder().dataDirectory(data).build();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", leecher.url(), "username", QBittorrentDaemon.USER, "password",
                QBittorrentDaemon.PASSWORD));
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        return kanzen;
    }

    /**
     * The .torrent as a user's Prowlarr serves it: Kanzen fetches URLs only from public addresses or from the sources and
     * clients configured, and this Prowlarr on loopback is one of them.
     */
    private String torrentUrl() {
        return prowlarr.url("/download/t.torrent").toString();
    }

    private static void await(Path file, long deadlineNanos) throws InterruptedException {
        while (!Files.exists(file) && System.nanoTime() < deadlineNanos) {
            Thread.sleep(200);
        }
    }

    @Test
    void a_hand_grab_held_from_a_check_is_imported_within_a_minute_of_completing_with_no_check_run() throws Exception {
        try (Kanzen kanzen = open(tmp.resolve("data"))) {
            kanzen.saveMonitorConfig(MonitorConfig.DEFAULTS.withAutoDownload(true)); // so that a check would send if it did not hold
            kanzen.startScheduler(); // the server's clocks: checks every 6 h, downloads every 30 s
            Grab g = kanzen.grab(null, torrentUrl(), "Berserk", VolumeRange.of(1), false);
            assertThat(g.linked()).isTrue();

            CheckReport check = kanzen.check(false, null); // prowlarr has that very release: the hand grab holds its volume
            assertThat(check.grabs()).isZero();
            assertThat(kanzen.downloads()).hasSize(1);
            int searches = kanzen.history(true, 100).stream().filter(e -> e.kind() == HistoryEvent.Kind.SEARCH).toList().size();

            leecherUi.addPeer(seeding.hash, seeder.torrentPort());
            long completed = leecherUi.awaitProgress(seeding.hash, 1.0, 60_000);
            Path imported = root.resolve("Berserk/Berserk T01.cbz");
            await(imported, completed + TimeUnit.SECONDS.toNanos(60));

            assertThat(imported).exists();
            assertThat(Duration.ofNanos(System.nanoTime() - completed)).isLessThan(Duration.ofSeconds(60));
            assertThat(Files.readAllBytes(imported)).isEqualTo(seeding.cbz);
            assertThat(kanzen.history(true, 100)).filteredOn(e -> e.kind() == HistoryEvent.Kind.SEARCH).hasSize(searches); // no check ran
            assertThat(kanzen.history(true, 100)).anyMatch(e -> e.kind() == HistoryEvent.Kind.IMPORT && Long.valueOf(g.id()).equals(e.grabId()));
            awaitState(kanzen, Grab.State.IMPORTED);
            assertThat(kanzen.series()).filteredOn(s -> s.title().equals("Berserk")).singleElement()
                    .satisfies(s -> assertThat(s.volumes()).containsExactly(VolumeRange.of(1, 2)));
            assertThat(leecherUi.info(seeding.hash)).isNotNull(); // SEED by default: the torrent goes on seeding

            assertThat(kanzen.check(false, null).grabs()).isZero();
            assertThat(kanzen.downloads()).hasSize(1);
        }
    }

    private static void awaitState(Kanzen kanzen, Grab.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (kanzen.downloads().get(0).grab().state() != state && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(kanzen.downloads().get(0).grab().state()).isEqualTo(state);
    }

    @Test
    void a_download_removed_from_the_client_after_completing_is_imported_not_blocklisted_and_the_cli_says_so() throws Exception {
        try (Console console = new Console(tmp.resolve("data"))) {
            assertThat(console.run("library", "add", "Manga", root.toString())).isZero();
            assertThat(console.run("scan")).isZero();
            assertThat(console.run("clients", "add", "qbittorrent", "--set", "url=" + leecher.url(), "--set", "username=" + QBittorrentDaemon.USER,
                    "--set", "password=" + QBittorrentDaemon.PASSWORD)).isZero();
            assertThat(console.run("sources", "add", "prowlarr", "--set", "url=" + prowlarr.url("/"), "--set", "apiKey=k")).isZero();
            assertThat(console.run("grab", "--link", torrentUrl(), "--title", "Berserk", "--volume", "1")).isZero();
            assertThat(console.stdout()).contains("counts for the series Berserk");
            assertThat(console.run("downloads")).isZero(); // polls while it waits for peers: where and how big it is
            assertThat(console.stdout()).contains("#1").contains("Berserk 1").doesNotContain("not linked");
            long seen = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!console.stdout().contains("\"path\":\"/") && System.nanoTime() < seen) { // qBittorrent gives the full path a moment after the add
                Thread.sleep(200);
                console.run("downloads", "--json");
            }

            leecherUi.addPeer(seeding.hash, seeder.torrentPort());
            leecherUi.awaitProgress(seeding.hash, 1.0, 60_000);
            leecherUi.delete(seeding.hash, false); // removed by hand, files kept, before Kanzen's next poll
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (leecherUi.info(seeding.hash) != null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(console.run("check")).as(console.stderr()).isZero(); // a check follows the downloads first, and says what that did

            assertThat(console.stdout()).contains("import  #1 Berserk 1: placed Berserk T01.cbz");
            assertThat(console.run("downloads")).isZero();
            assertThat(console.stdout()).contains("#1").contains("imported");
            assertThat(Files.readAllBytes(root.resolve("Berserk/Berserk T01.cbz"))).isEqualTo(seeding.cbz);
            assertThat(console.run("history")).isZero();
            assertThat(console.stdout()).doesNotContain("blocklisted").doesNotContain("DOWNLOAD_FAILED");
        }
    }

    @Test
    void a_library_on_another_file_system_gets_a_copy_and_move_takes_the_download_out_of_the_client() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("tmpfs"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs here (" + out.strip() + "): the copy across file systems is covered by "
                + "DownloadLoopTest's file system that refuses links and renames");
        try {
            root = mount.resolve("manga");
            Files.createDirectories(root.resolve("Berserk"));
            Files.write(root.resolve("Berserk/Berserk T02.cbz"), new byte[] {1, 2, 3});
            try (Kanzen kanzen = open(tmp.resolve("data"))) {
                kanzen.saveMonitorConfig(MonitorConfig.DEFAULTS.withDownloads(new DownloadSettings(null, null, null,
                        Map.of("qbittorrent", new DownloadSettings.ClientImport(DownloadSettings.AfterImport.MOVE, null)))));
                kanzen.grab(null, torrentUrl(), "Berserk", VolumeRange.of(1), false);
                leecherUi.addPeer(seeding.hash, seeder.torrentPort());
                leecherUi.awaitProgress(seeding.hash, 1.0, 60_000);

                TrackReport report = kanzen.trackDownloads();

                assertThat(report.imported()).hasSize(1);
                assertThat(Files.readAllBytes(root.resolve("Berserk/Berserk T01.cbz"))).isEqualTo(seeding.cbz);
                assertThat(leecher.downloads().resolve(seeding.fileName)).doesNotExist();
                assertThat(leecherUi.info(seeding.hash)).isNull();
                try (var files = Files.list(root.resolve("Berserk"))) {
                    assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("Berserk T01.cbz", "Berserk T02.cbz");
                }
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }
}
