package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.DownloadState;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.DownloadSettings;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.TrackReport;
import io.kanzen.core.WantedSeries;
import io.kanzen.core.internal.monitor.FileOps;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following downloads to the library: imports, failures that tell the truth, stalls, hand grabs and control. */
class DownloadLoopTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private Kanzen kanzen;
    private Path root;
    private Path downloads;

    /** A file system on which a link or a rename between two folders fails, as between two disks. */
    private static final FileOps TWO_DISKS = new FileOps() {
        @Override
        public void link(Path link, Path existing) throws IOException {
            sameFolder(link, existing);
            FileOps.REAL.link(link, existing);
        }

        @Override
        public void rename(Path source, Path target) throws IOException {
            sameFolder(source, target);
            FileOps.REAL.rename(source, target);
        }

        @Override
        public void copy(Path source, Path target) throws IOException {
            FileOps.REAL.copy(source, target);
        }

        private void sameFolder(Path a, Path b) throws FileSystemException {
            if (!a.toAbsolutePath().getParent().equals(b.toAbsolutePath().getParent())) {
                throw new FileSystemException(a.toString(), b.toString(), "Invalid cross-device link");
            }
        }
    };

    @BeforeEach
    void library() throws Exception {
        root = tmp.resolve("manga");
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        for (String f : List.of("Berserk/Berserk T02.cbz", "One Piece/One Piece - Tome 004.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = open(FileOps.REAL);
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        // automatic downloads are off on a first start: these tests follow what a check sends
        kanzen.saveMonitorConfig(SENDING);
    }

    private static final MonitorConfig SENDING = MonitorConfig.DEFAULTS.withAutoDownload(true);

    private Kanzen open(FileOps ops) {
        return Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(clock).classpathPlugins(false).plugin(peers).fileOps(ops).build();
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private static String hash(Grab g) {
        return g.handle();
    }

    private Path write(String relative, int size) throws IOException {
        Path p = downloads.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[size]);
        return p;
    }

    private void downloadSettings(DownloadSettings d) {
        kanzen.saveMonitorConfig(SENDING.withDownloads(d));
    }

    private List<Path> hiddenFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void a_finished_pack_places_each_volume_as_itself_named_like_the_series_files_and_leaves_extras_and_owned_volumes() throws Exception {
        Path pack = write("[Team] Berserk T01-T03/[Team] Berserk - Tome 01 [FR].cbz", 10).getParent();
        write("[Team] Berserk T01-T03/[Team] Berserk - Tome 02 [FR].cbz", 20);
        write("[Team] Berserk T01-T03/[Team] Berserk - Tome 03 [FR].cbz", 30);
        write("[Team] Berserk T01-T03/release.nfo", 5);
        write("[Team] Berserk T01-T03/cover.jpg", 5);
        Grab g = kanzen.grab("client", FakePeers.magnet("berserk pack"), "Berserk", VolumeRange.of(1, 3), true);
        peers.contentPaths.put(hash(g), pack.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        TrackReport report = kanzen.trackDownloads();

        assertThat(Files.size(root.resolve("Berserk/Berserk T01.cbz"))).isEqualTo(10);
        assertThat(Files.size(root.resolve("Berserk/Berserk T03.cbz"))).isEqualTo(30);
        assertThat(Files.size(root.resolve("Berserk/Berserk T02.cbz"))).isEqualTo(1); // the owned volume is never overwritten
        assertThat(root.resolve("Berserk/release.nfo")).doesNotExist();
        assertThat(hiddenFiles(root.resolve("Berserk"))).isEmpty();
        assertThat(report.imported()).singleElement().satisfies(e -> assertThat(e.message()).contains("volume 2 already owned"));
        assertThat(kanzen.series()).filteredOn(s -> s.title().equals("Berserk")).singleElement()
                .satisfies(s -> assertThat(s.volumes()).containsExactly(VolumeRange.of(1, 3)));
        assertThat(pack.resolve("[Team] Berserk - Tome 01 [FR].cbz")).exists(); // SEED: the download keeps seeding
        assertThat(Files.isSameFile(pack.resolve("[Team] Berserk - Tome 01 [FR].cbz"), root.resolve("Berserk/Berserk T01.cbz")))
                .as("a hard link on one file system, not a second copy").isTrue();
        assertThat(peers.removed).isEmpty();
        assertThat(kanzen.history(true, 10)).anyMatch(e -> e.kind() == HistoryEvent.Kind.IMPORT && Long.valueOf(g.id()).equals(e.grabId())
                && "Berserk".equals(e.seriesTitle()) && "client".equals(e.client()) && VolumeRange.of(1, 3).equals(e.volume()));
    }

    @Test
    void a_naming_pattern_names_the_imported_file_and_remove_takes_it_out_of_the_client() throws Exception {
        downloadSettings(new DownloadSettings(null, null, "{Series} - Tome {vol:00}",
                Map.of("client", new DownloadSettings.ClientImport(DownloadSettings.AfterImport.REMOVE, null))));
        Path file = write("op.cbz", 7);
        Grab g = kanzen.grab("client", FakePeers.magnet("op 5"), "One Piece", VolumeRange.of(5), false);
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        kanzen.trackDownloads();

        assertThat(root.resolve("One Piece/One Piece - Tome 05.cbz")).exists();
        assertThat(peers.removed).containsExactly(hash(g) + " with files");
    }

    @Test
    void without_a_pattern_the_series_own_naming_and_padding_are_kept() throws Exception {
        Path file = write("One.Piece.v05.cbz", 7);
        Grab g = kanzen.grab("client", FakePeers.magnet("op 5"), "One Piece", VolumeRange.of(5), false);
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        kanzen.trackDownloads();

        assertThat(root.resolve("One Piece/One Piece - Tome 005.cbz")).exists();
    }

    @Test
    void across_file_systems_a_move_is_a_copy_under_a_hidden_name_then_a_rename_and_the_original_goes() throws Exception {
        kanzen.close();
        kanzen = open(TWO_DISKS);
        downloadSettings(new DownloadSettings(null, null, null,
                Map.of("client", new DownloadSettings.ClientImport(DownloadSettings.AfterImport.MOVE, null))));
        Path file = write("Berserk T01.cbz", 1234);
        Grab g = kanzen.grab("client", FakePeers.magnet("b1"), "Berserk", VolumeRange.of(1), false);
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        kanzen.trackDownloads();

        assertThat(Files.size(root.resolve("Berserk/Berserk T01.cbz"))).isEqualTo(1234);
        assertThat(file).doesNotExist();
        assertThat(hiddenFiles(root.resolve("Berserk"))).isEmpty();
        assertThat(peers.removed).containsExactly(hash(g)); // MOVE: the client forgets it, its files are gone
        assertThat(kanzen.downloads()).extracting(d -> d.grab().state()).containsExactly(Grab.State.IMPORTED);
    }

    @Test
    void across_file_systems_seeding_copies_and_leaves_the_download() throws Exception {
        kanzen.close();
        kanzen = open(TWO_DISKS);
        Path file = write("Berserk T01.cbz", 99);
        Grab g = kanzen.grab("client", FakePeers.magnet("b1"), "Berserk", VolumeRange.of(1), false);
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        kanzen.trackDownloads();

        assertThat(Files.size(root.resolve("Berserk/Berserk T01.cbz"))).isEqualTo(99);
        assertThat(file).exists();
        assertThat(Files.isSameFile(file, root.resolve("Berserk/Berserk T01.cbz"))).isFalse();
    }

    @Test
    void a_failed_import_is_a_history_error_kept_on_the_download_and_retried_at_the_next_poll_until_a_path_mapping_fixes_it() throws Exception {
        Grab g = kanzen.grab("client", FakePeers.magnet("b1"), "Berserk", VolumeRange.of(1), false);
        peers.contentPaths.put(hash(g), "/downloads/complete/Berserk T01.cbz"); // as a client in a container says
        peers.states.put(hash(g), DownloadState.COMPLETED);

        TrackReport first = kanzen.trackDownloads();
        kanzen.trackDownloads();

        assertThat(first.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.IMPORT_FAILED);
            assertThat(e.message()).startsWith("NOT_FOUND: ").contains("/downloads/complete/Berserk T01.cbz");
        });
        assertThat(kanzen.history(false, 10)).filteredOn(e -> e.kind() == HistoryEvent.Kind.IMPORT_FAILED).hasSize(1); // once per reason
        assertThat(kanzen.downloads()).singleElement().satisfies(d -> {
            assertThat(d.grab().state()).isEqualTo(Grab.State.SENT);
            assertThat(d.grab().importError()).startsWith("NOT_FOUND");
        });

        write("seedbox/complete/Berserk T01.cbz", 3);
        downloadSettings(new DownloadSettings(null, null, null, Map.of("CLIENT", new DownloadSettings.ClientImport(null,
                List.of(new DownloadSettings.PathMapping("/downloads/", downloads.resolve("seedbox").toString()))))));
        kanzen.trackDownloads();

        assertThat(root.resolve("Berserk/Berserk T01.cbz")).exists();
        assertThat(kanzen.downloads()).singleElement().satisfies(d -> {
            assertThat(d.grab().state()).isEqualTo(Grab.State.IMPORTED);
            assertThat(d.grab().importError()).isNull();
        });
    }

    @Test
    void a_download_gone_from_the_client_is_looked_for_on_disk_and_imported_when_complete_not_blocklisted() throws Exception {
        Path file = write("Berserk T01.cbz", 100); // the fake client reports 100 bytes
        Grab g = kanzen.grab("client", FakePeers.magnet("b1"), "Berserk", VolumeRange.of(1), false);
        peers.contentPaths.put(hash(g), file.toString());
        kanzen.trackDownloads(); // seen at 50 %: the path and size are remembered
        peers.states.remove(hash(g)); // finished, then removed from the client before the next poll

        TrackReport report = kanzen.trackDownloads();

        assertThat(report.imported()).hasSize(1);
        assertThat(root.resolve("Berserk/Berserk T01.cbz")).exists();
        assertThat(kanzen.history(false, 10)).noneMatch(e -> e.kind() == HistoryEvent.Kind.DOWNLOAD_FAILED);
    }

    @Test
    void a_download_gone_from_the_client_with_nothing_complete_on_disk_failed_and_its_release_is_blocklisted() throws Exception {
        Path file = write("Berserk T01.cbz", 40); // a partial file: 40 of 100 bytes
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        String h = peers.submitted.get(0).link().substring(peers.submitted.get(0).link().indexOf("btih:") + 5);
        peers.contentPaths.put(h, file.toString());
        kanzen.trackDownloads();
        peers.states.remove(h);

        TrackReport report = kanzen.trackDownloads();

        assertThat(report.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.DOWNLOAD_FAILED);
            assertThat(e.message()).contains("no complete download at").contains("blocklisted");
        });
        kanzen.check(false, "Berserk");
        assertThat(peers.submitted).hasSize(1); // the blocklisted release is not sent again
    }

    @Test
    void a_download_without_progress_for_the_stall_timeout_is_given_up_blocklisted_and_another_release_is_sent() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR", "Berserk Tome 01 FR (autre team)"));
        kanzen.check(false, "Berserk");
        String h = peers.submitted.get(0).link().substring(peers.submitted.get(0).link().indexOf("btih:") + 5);
        peers.progress.put(h, 0.3);
        kanzen.trackDownloads();
        clock.advance(Duration.ofHours(23));
        assertThat(kanzen.trackDownloads().events()).isEmpty();

        clock.advance(Duration.ofHours(2));
        TrackReport report = kanzen.trackDownloads();

        assertThat(report.events()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.STALLED));
        assertThat(peers.removed).containsExactly(h + " with files");
        kanzen.check(false, "Berserk");
        assertThat(peers.submitted).hasSize(2);
        assertThat(peers.submitted.get(1).link()).isNotEqualTo(peers.submitted.get(0).link());
    }

    @Test
    void progress_resets_the_stall_clock() {
        Grab g = kanzen.grab("client", FakePeers.magnet("b1"), "Berserk", VolumeRange.of(1), false);
        peers.progress.put(hash(g), 0.1);
        kanzen.trackDownloads();
        clock.advance(Duration.ofHours(20));
        peers.progress.put(hash(g), 0.2);
        kanzen.trackDownloads();
        clock.advance(Duration.ofHours(20));

        assertThat(kanzen.trackDownloads().events()).isEmpty();
    }

    @Test
    void a_hand_grab_for_a_series_holds_its_volume_from_the_monitor_and_an_owned_or_held_volume_needs_force() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        String link = FakePeers.magnet("Berserk Tome 01 FR"); // the very release the monitor would find
        Grab g = kanzen.grab("client", link, "berserk", VolumeRange.of(1), false);
        assertThat(g.seriesId()).isNotNull();
        assertThat(g.linked()).isTrue();

        kanzen.check(false, "Berserk");
        assertThat(peers.submitted).hasSize(1); // not grabbed again by the check

        assertThatThrownBy(() -> kanzen.grab("client", FakePeers.magnet("other"), "Berserk", VolumeRange.of(1), false))
                .isInstanceOfSatisfying(GrabConflictException.class, e -> assertThat(e.reason()).isEqualTo(GrabConflictException.Reason.HELD));
        assertThatThrownBy(() -> kanzen.grab("client", FakePeers.magnet("b2"), "Berserk", VolumeRange.of(2), false))
                .isInstanceOfSatisfying(GrabConflictException.class, e -> assertThat(e.reason()).isEqualTo(GrabConflictException.Reason.OWNED));
        assertThat(peers.submitted).hasSize(1);
        kanzen.grab("client", FakePeers.magnet("b2"), "Berserk", VolumeRange.of(2), true);
        assertThat(peers.submitted).hasSize(2);
    }

    @Test
    void a_hand_grab_without_a_series_is_not_linked_until_linked_then_imported() throws Exception {
        Path file = write("Vagabond 03.cbz", 3);
        Grab g = kanzen.grab("client", FakePeers.magnet("vaga"), "Vagabond", null, false);
        assertThat(g.linked()).isFalse();
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        assertThat(kanzen.trackDownloads().events()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("NOT_LINKED: ").contains("kanzen downloads link " + g.id()));
        assertThatThrownBy(() -> kanzen.linkDownload(g.id(), "Vinland Saga", VolumeRange.of(3))).isInstanceOf(KanzenException.class)
                .hasMessageContaining("no series titled 'Vinland Saga'");

        kanzen.linkDownload(g.id(), "one piece", VolumeRange.of(3));
        kanzen.trackDownloads();

        assertThat(root.resolve("One Piece/One Piece - Tome 003.cbz")).exists();
        assertThat(kanzen.history(true, 10)).anyMatch(e -> e.kind() == HistoryEvent.Kind.DOWNLOAD_CONTROL && e.message().contains("linked"));
    }

    @Test
    void cancel_frees_the_volume_without_blocklisting_and_retry_sends_it_again() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        long id = kanzen.downloads().get(0).grab().id();

        Grab cancelled = kanzen.cancelDownload(id);

        assertThat(cancelled.state()).isEqualTo(Grab.State.CANCELLED);
        assertThat(peers.removed).hasSize(1);
        assertThat(wantedBerserk()).containsExactly(1);
        kanzen.retryDownload(id);
        assertThat(kanzen.downloads()).singleElement().satisfies(d -> assertThat(d.grab().state()).isEqualTo(Grab.State.SENT));
        assertThat(peers.submitted).hasSize(2);
        assertThatThrownBy(() -> kanzen.cancelDownload(999)).hasMessageContaining("no download with id 999");
    }

    @Test
    void blocklisting_by_hand_removes_the_download_and_the_next_check_takes_another_release() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR", "Berserk Tome 01 FR (autre team)"));
        kanzen.check(false, "Berserk");
        long id = kanzen.downloads().get(0).grab().id();

        kanzen.blocklistDownload(id);
        kanzen.check(false, "Berserk");

        assertThat(peers.submitted).hasSize(2);
        assertThat(peers.submitted.get(1).link()).isNotEqualTo(peers.submitted.get(0).link());
    }

    @Test
    void an_ed2k_download_at_zero_sources_is_given_its_link_again_at_most_every_ten_minutes() {
        String link = "ed2k://|file|Berserk%20T01.cbz|1000|00112233445566778899AABBCCDDEEFF|/";
        Grab g = kanzen.grab("client", link, "Berserk", VolumeRange.of(1), false);
        peers.states.put(g.handle(), DownloadState.STALLED); // aMule restarted and forgot the link's sources

        kanzen.trackDownloads();
        kanzen.trackDownloads();
        assertThat(peers.submitted).hasSize(2);

        clock.advance(Duration.ofMinutes(11));
        kanzen.trackDownloads();
        assertThat(peers.submitted).hasSize(3);
        assertThat(peers.submitted).allSatisfy(r -> assertThat(r.link()).isEqualTo(link));
    }

    @Test
    void a_lone_file_without_a_number_for_a_grab_without_a_volume_is_an_import_error_not_an_import() throws Exception {
        Path file = write("Berserk.cbz", 3);
        Grab g = kanzen.grab("client", FakePeers.magnet("b?"), "Berserk", null, false);
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        assertThat(kanzen.trackDownloads().events()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("NO_VOLUME_NUMBER: "));
        kanzen.linkDownload(g.id(), "Berserk", VolumeRange.of(1));
        kanzen.trackDownloads();
        assertThat(root.resolve("Berserk/Berserk T01.cbz")).exists();
    }

    @Test
    void a_check_reports_what_its_poll_imported() throws Exception {
        Path file = write("Berserk T01.cbz", 3);
        Grab g = kanzen.grab("client", FakePeers.magnet("b1"), "Berserk", VolumeRange.of(1), false);
        peers.contentPaths.put(hash(g), file.toString());
        peers.states.put(hash(g), DownloadState.COMPLETED);

        assertThat(kanzen.check(false, null).downloads().imported()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Berserk T01.cbz"));
    }

    @Test
    void download_settings_left_out_of_the_file_take_their_defaults_and_bad_ones_are_refused() throws Exception {
        kanzen.saveMonitorConfig(SENDING);
        Path file = tmp.resolve("data/missing_monitor_config.json");
        String saved = Files.readString(file);
        Files.writeString(file, saved.substring(0, saved.lastIndexOf("\"downloads\"")) + " \"downloads\": {\"pollInterval\": \"10s\", \"clients\": {\"client\": {\"afterImport\": \"MOVE\","
                + " \"pathMappings\": [{\"remote\": \"/downloads\", \"local\": \"/mnt/seedbox\"}]}}}}");
        assertThat(kanzen.monitorConfigProblem()).isNull();
        DownloadSettings d = kanzen.monitorConfig().downloads();
        assertThat(d.poll()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.stall()).isEqualTo(Duration.ofHours(24));
        assertThat(d.client("Client").afterImport()).isEqualTo(DownloadSettings.AfterImport.MOVE);
        assertThat(d.client("client").local("/downloads/x/T01.cbz")).isEqualTo("/mnt/seedbox/x/T01.cbz");
        assertThat(d.client("client").local("/downloadsx/T01.cbz")).isEqualTo("/downloadsx/T01.cbz");
        assertThat(d.client("other").afterImport()).isEqualTo(DownloadSettings.AfterImport.SEED);
        assertThatThrownBy(() -> new DownloadSettings("1s", null, null, null)).hasMessageContaining("at least 5s");
        assertThatThrownBy(() -> new DownloadSettings(null, null, "{Series}", null)).hasMessageContaining("{vol}");
    }

    private List<Integer> wantedBerserk() {
        return kanzen.wanted(WantedSeries.Filter.ALL).stream().filter(w -> w.title().equals("Berserk")).findFirst().orElseThrow().wanted();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
