package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.DownloadState;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.scoring.Decision;
import io.kanzen.api.scoring.Rejection;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.core.CheckReport;
import io.kanzen.core.Grab;
import io.kanzen.core.Health;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.SeriesCheck;
import io.kanzen.core.WantedSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor over a real SQLite file, a library on disk, and hand-written peers. */
class MonitorTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private Kanzen kanzen;
    private Path root;

    @BeforeEach
    void library() throws Exception {
        root = tmp.resolve("manga");
        // One Piece: 1, 2, 4 (3 missing); Berserk: 2 (1 missing before it)
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "One Piece/One Piece T04.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = open();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        // automatic downloads are off on a first start: these tests are about what a check sends
        kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, true, List.of(), null, "vf", "fr", List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"),
                false, 0, 24));
    }

    private Kanzen open() {
        return open(now);
    }

    private Kanzen open(Instant at) {
        return Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(Clock.fixed(at, ZoneOffset.UTC)).classpathPlugins(false).plugin(peers).build();
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private WantedSeries wanted(String title) {
        return kanzen.wanted(WantedSeries.Filter.ALL).stream().filter(w -> w.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void without_metadata_the_gaps_from_volume_1_are_wanted() {
        assertThat(wanted("One Piece").wanted()).containsExactly(3);
        assertThat(wanted("Berserk").wanted()).containsExactly(1);
    }

    @Test
    void the_wanted_list_is_kept_until_something_changes_then_made_again_even_when_another_process_writes() throws Exception {
        List<WantedSeries> first = kanzen.wanted(WantedSeries.Filter.ALL);
        assertThat(kanzen.wanted(WantedSeries.Filter.ALL)).as("nothing changed: the same list").isSameAs(first);
        assertThat(kanzen.stats()).isSameAs(kanzen.stats());

        Files.write(root.resolve("One Piece/One Piece T03.cbz"), new byte[] {1});
        kanzen.scan(null);
        assertThat(wanted("One Piece").wanted()).as("a scan changes it").isEmpty();
        assertThat(kanzen.stats().volumesMissing()).isEqualTo(1);

        try (Kanzen other = open()) { // a second process on the same data directory: the CLI beside the server
            long berserk = other.series().stream().filter(s -> s.title().equals("Berserk")).findFirst().orElseThrow().id();
            other.saveSeriesSettings(berserk, other.seriesSettings(berserk).withEnabled(false));
        }
        assertThat(wanted("Berserk").monitored()).as("a write by another connection changes it").isFalse();
        assertThat(kanzen.stats().seriesMonitored()).isEqualTo(1);
    }

    @Test
    void the_french_count_sets_the_target_and_a_future_volume_is_not_yet_wanted() {
        kanzen.saveSource("meta", "meta", Map.of());
        peers.metadataByTitle.put("One Piece", FakePeers.metadata("One Piece", 110, 7,
                new EditionInfo.VolumeDate(7, LocalDate.of(2026, 12, 3))));
        kanzen.check(true, "One Piece");

        WantedSeries w = wanted("One Piece");
        assertThat(w.wanted()).containsExactly(3, 5, 6); // never 8..110: the VO is ahead, the collection is VF
        assertThat(w.notYet()).containsExactly(7);
        assertThat(w.publishedCount()).isEqualTo(7);
    }

    @Test
    void a_check_sends_the_wanted_volume_and_fifty_more_checks_never_send_it_again() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ", "One Piece Tome 04 FR CBZ"));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR", "Berserk Tome 01 FR (autre team)"));

        CheckReport first = kanzen.check(false, null);
        for (int i = 0; i < 50; i++) {
            kanzen.check(false, null);
        }

        assertThat(first.grabs()).isEqualTo(2);
        assertThat(peers.submitted).hasSize(2);
        assertThat(peers.submitted).extracting(r -> r.volume().from()).containsExactlyInAnyOrder(3.0, 1.0);
        assertThat(kanzen.history(true, 500)).filteredOn(e -> e.kind() == HistoryEvent.Kind.GRAB).hasSize(2);
    }

    @Test
    void a_series_whose_wanted_volumes_are_all_held_by_grabs_is_not_searched_until_one_is_not() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        kanzen.check(false, null); // sends One Piece 3; Berserk 1 has no release
        peers.queries.clear();

        CheckReport again = kanzen.check(false, null);

        assertThat(peers.queries).containsExactly("Berserk"); // One Piece's only wanted volume is held by its grab
        assertThat(again.series()).filteredOn(c -> c.title().equals("One Piece")).singleElement()
                .satisfies(c -> assertThat(c.decisions()).isEmpty());

        String hash = peers.submitted.get(0).link().substring(peers.submitted.get(0).link().indexOf("btih:") + 5);
        peers.states.put(hash, DownloadState.FAILED); // the download failed: volume 3 is no longer held
        peers.queries.clear();
        kanzen.check(false, null);

        assertThat(peers.queries).containsExactlyInAnyOrder("One Piece", "Berserk");
    }

    @Test
    void a_check_searches_each_source_once_per_series() {
        kanzen.check(true, null);
        assertThat(peers.searches.get()).isEqualTo(2); // two series lack volumes, one source
    }

    @Test
    void a_dry_run_sends_nothing_and_says_why_each_release_was_turned_down() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ", "One Piece - Chapitre 1050", "One Punch Man Tome 03",
                "One Piece v03 (English) (Digital)", "One Piece Tome 04 FR", "One Piece Tomes 3-4 FR"));

        CheckReport report = kanzen.check(true, "One Piece");

        assertThat(peers.submitted).isEmpty();
        SeriesCheck s = report.series().get(0);
        assertThat(s.chosen()).extracting(d -> d.release().title()).containsExactly("One Piece Tome 03 FR CBZ");
        assertThat(reason(s, "One Piece - Chapitre 1050")).isEqualTo(RejectionReason.CHAPTER_NOT_VOLUME);
        assertThat(reason(s, "One Punch Man Tome 03")).isEqualTo(RejectionReason.WRONG_SERIES);
        assertThat(reason(s, "One Piece v03 (English) (Digital)")).isEqualTo(RejectionReason.LANGUAGE);
        assertThat(reason(s, "One Piece Tome 04 FR")).isEqualTo(RejectionReason.VOLUME_NOT_WANTED);
        assertThat(s.decisions().stream().filter(d -> d.release().title().equals("One Piece Tomes 3-4 FR")).findFirst().orElseThrow()
                .rejections()).extracting(Rejection::message).anyMatch(m -> m.contains("already owned"));
    }

    @Test
    void a_pack_of_wanted_volumes_beats_the_singles_it_covers() {
        kanzen.saveSource("meta", "meta", Map.of());
        peers.metadataByTitle.put("One Piece", FakePeers.metadata("One Piece", 6, 6, null));
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 05 FR", "One Piece Tome 06 FR", "One Piece Tomes 5 à 6 FR", "One Piece Tome 03 FR"));

        SeriesCheck s = kanzen.check(true, "One Piece").series().get(0);

        assertThat(s.wanted()).containsExactly(3, 5, 6);
        assertThat(s.chosen()).extracting(d -> d.release().title()).containsExactlyInAnyOrder("One Piece Tomes 5 à 6 FR", "One Piece Tome 03 FR");
    }

    @Test
    void a_crash_between_recording_a_grab_and_sending_it_is_sent_again_once_and_never_twice() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ", "One Piece Tome 03 FR (autre)"));
        crashWhileSending();
        assertThat(kanzen.downloads()).extracting(d -> d.grab().state()).containsExactly(Grab.State.SENDING);
        kanzen.close();
        kanzen = open(now.plus(Duration.ofMinutes(10))); // restart, once the send is surely over

        for (int i = 0; i < 5; i++) {
            kanzen.check(false, "One Piece");
        }

        assertThat(peers.submitted).hasSize(1); // the client never had it: sent again, once
        assertThat(kanzen.downloads()).singleElement().satisfies(d -> {
            assertThat(d.grab().state()).isEqualTo(Grab.State.SENT);
            assertThat(d.grab().message()).contains("sent again");
        });
    }

    @Test
    void a_grab_the_client_got_before_the_crash_is_marked_sent_without_sending_it_again() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        crashWhileSending();
        String link = kanzen.downloads().get(0).grab().link();
        peers.states.put(link.substring(link.indexOf("btih:") + 5), DownloadState.DOWNLOADING); // it got there; the answer did not
        kanzen.close();
        kanzen = open(now.plus(Duration.ofMinutes(10)));

        kanzen.check(false, "One Piece");

        assertThat(peers.submitted).isEmpty();
        assertThat(kanzen.downloads()).extracting(d -> d.grab().state()).containsExactly(Grab.State.SENT);
    }

    @Test
    void a_grab_being_sent_right_now_is_left_alone() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        crashWhileSending();

        kanzen.check(false, "One Piece"); // same instant: the send may still be under way in another process

        assertThat(peers.submitted).isEmpty();
        assertThat(kanzen.downloads()).extracting(d -> d.grab().state()).containsExactly(Grab.State.SENDING);
    }

    /** Stops a check between recording the grab and the client's answer, as a kill would (an Error is not a plugin's failure). */
    private void crashWhileSending() {
        peers.crashOnSubmit = new OutOfMemoryError("the process died here");
        try {
            kanzen.check(false, "One Piece");
        } catch (RuntimeException | OutOfMemoryError expected) {
            // the "crash": the grab row was written, the client never answered
        }
        peers.crashOnSubmit = null;
    }

    @Test
    void health_is_degraded_while_a_client_does_not_answer_or_the_settings_file_is_invalid_and_up_again_after() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        assertThat(kanzen.health().status()).isEqualTo(Health.Status.UP);

        peers.statusFailure = new PluginException(ErrorKind.UNAVAILABLE, "qBittorrent does not answer");
        kanzen.trackDownloads();
        assertThat(kanzen.health().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(kanzen.health().reasons()).containsExactly("download client client did not answer: qBittorrent does not answer");

        peers.statusFailure = null;
        kanzen.trackDownloads();
        assertThat(kanzen.health().status()).isEqualTo(Health.Status.UP);

        Files.writeString(tmp.resolve("data/missing_monitor_config.json"), "{ not json");
        assertThat(kanzen.health().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(kanzen.health().reasons()).singleElement().asString().contains("missing_monitor_config.json");
    }

    @Test
    void a_failed_download_blocklists_its_release_and_the_next_check_sends_another() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR", "Berserk Tome 01 FR (autre team)"));
        kanzen.check(false, "Berserk");
        String firstHash = peers.submitted.get(0).link().substring(peers.submitted.get(0).link().indexOf("btih:") + 5);
        peers.states.put(firstHash, DownloadState.FAILED);

        kanzen.check(false, "Berserk");

        assertThat(peers.submitted).hasSize(2);
        assertThat(peers.submitted.get(1).link()).isNotEqualTo(peers.submitted.get(0).link());
        assertThat(kanzen.history(false, 50)).anyMatch(e -> e.message() != null && e.message().contains("blocklisted"));
        kanzen.check(false, "Berserk");
        assertThat(peers.submitted).hasSize(2); // the blocklisted one is never taken again
    }

    @Test
    void a_completed_download_is_moved_into_its_series_folder_and_counts_as_owned() throws Exception {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        String hash = peers.submitted.get(0).link().substring(peers.submitted.get(0).link().indexOf("btih:") + 5);
        Path downloaded = Files.createDirectories(tmp.resolve("downloads")).resolve("Berserk T01.cbz");
        Files.write(downloaded, new byte[] {2});
        peers.contentPaths.put(hash, downloaded.toString());
        peers.states.put(hash, DownloadState.COMPLETED);

        kanzen.trackDownloads();

        assertThat(root.resolve("Berserk/Berserk T01.cbz")).exists();
        assertThat(wanted("Berserk").wanted()).isEmpty();
        assertThat(kanzen.downloads()).extracting(d -> d.grab().state()).containsExactly(Grab.State.IMPORTED);
    }

    @Test
    void a_failing_source_backs_off_and_the_check_goes_on() {
        peers.sourceFailure = PluginException.rateLimited("slow down", Duration.ofHours(2));
        CheckReport first = kanzen.check(true, null);
        int asked = peers.searches.get();
        assertThat(asked).isBetween(1, 2); // series run side by side: the second may have asked before the first failed
        assertThat(first.series()).hasSize(2);

        peers.sourceFailure = null;
        CheckReport second = kanzen.check(true, null);
        assertThat(peers.searches.get()).isEqualTo(asked); // still waiting: Retry-After said two hours
        assertThat(second.problems()).anyMatch(p -> p.message().startsWith("releases is skipped until") && p.code().equals("source.backedOff")
                && p.params().get("name").equals("releases") && !p.params().get("until").isEmpty());
        assertThat(kanzen.history(false, 10)).anyMatch(e -> e.kind() == HistoryEvent.Kind.FAILURE && "releases".equals(e.source()));
    }

    @Test
    void a_real_check_refreshes_the_local_indexes_first_and_a_dry_run_does_not() {
        kanzen.saveSource("indexed", "indexed", Map.of());
        kanzen.check(true, null);
        assertThat(peers.indexRefreshes.get()).isZero();
        kanzen.check(false, null);
        assertThat(peers.indexRefreshes.get()).isEqualTo(1);
    }

    @Test
    void an_invalid_settings_file_is_reported_and_the_last_good_settings_stay() throws Exception {
        kanzen.saveMonitorConfig(new MonitorConfig(true, "2h", true, false, List.of(), null, "vf", "fr", List.of("cbz"), false, 0, 24));
        Files.writeString(tmp.resolve("data/missing_monitor_config.json"), "{\"checkInterval\": \"1s\"");

        assertThat(kanzen.monitorConfig().checkInterval()).isEqualTo("2h");
        assertThat(kanzen.monitorConfigProblem()).contains("invalid").contains("last good");
    }

    @Test
    void settings_that_break_a_rule_are_refused_in_words() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MonitorConfig(true, "1m", true, true, List.of(), null, "vf", "fr", List.of(),
                false, 0, 24)).hasMessageContaining("at least 5 minutes");
    }

    @Test
    void a_check_asked_while_one_runs_joins_it() {
        CompletableFuture<CheckReport> a = kanzen.checkNow();
        CompletableFuture<CheckReport> b = kanzen.checkNow();
        assertThat(a.join()).isNotNull();
        assertThat(b == a || b.join().startedAt().isAfter(a.join().startedAt()) || b.join() == a.join()).isTrue();
    }

    @Test
    void an_unknown_series_title_is_said_plainly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kanzen.check(true, "Nope")).isInstanceOf(KanzenException.class)
                .hasMessageContaining("no series titled 'Nope'");
    }

    private static RejectionReason reason(SeriesCheck s, String title) {
        Decision d = s.decisions().stream().filter(x -> x.release().title().equals(title)).findFirst().orElseThrow();
        assertThat(d.accepted()).as(title).isFalse();
        return d.rejections().get(0).reason();
    }

}
