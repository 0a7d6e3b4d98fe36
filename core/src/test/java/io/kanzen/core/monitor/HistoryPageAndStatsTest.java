package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.DownloadState;
import io.kanzen.api.PluginException;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.DailyActivity;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.HistoryEvent.Kind;
import io.kanzen.core.HistoryFilter;
import io.kanzen.core.HistoryPage;
import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.SourceActivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history page's filtered, paged history and the statistics page's figures, over a real SQLite file and a history
 * made by real checks, grabs and imports at instants the test chooses.
 */
class HistoryPageAndStatsTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final DownloadLoopTest.MovableClock clock = new DownloadLoopTest.MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private Kanzen kanzen;
    private long berserk;
    private long onePiece;
    private int missingAtStart;
    private int missingAfterTheCheck;
    private int missingAfterTheImport;

    @BeforeEach
    void aFewDaysOfHistory() throws Exception {
        Path root = tmp.resolve("manga");
        // One Piece: 1, 2, 4 (3 missing); Berserk: 2 (1 missing)
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "One Piece/One Piece T04.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(clock).classpathPlugins(false).plugin(peers).build();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null); // 2026-11-20 10:00: the first count of missing volumes
        missingAtStart = kanzen.stats().volumesMissing();
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        kanzen.saveMonitorConfig(MonitorConfig.DEFAULTS.withAutoDownload(true));
        berserk = id("Berserk");
        onePiece = id("One Piece");

        // 2026-11-20 11:00: a check searches Berserk and sends volume 1
        clock.advance(Duration.ofHours(1));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        missingAfterTheCheck = kanzen.stats().volumesMissing();

        // 2026-11-21 23:30 UTC (already the 22nd in Paris): One Piece 3 sent by hand
        clock.advance(Duration.ofHours(36).plusMinutes(30));
        Grab op3 = kanzen.grab("client", FakePeers.magnet("op 3"), "One Piece", VolumeRange.of(3), false);

        // 2026-11-22 09:00:00.5: Berserk's download fails, One Piece 3 is imported
        clock.advance(Duration.ofHours(9).plusMinutes(30).plusMillis(500));
        Grab b1 = kanzen.downloads().stream().map(d -> d.grab()).filter(g -> "Berserk".equals(g.title())).findFirst().orElseThrow();
        peers.states.put(b1.handle(), DownloadState.FAILED);
        Path file = Files.createDirectories(tmp.resolve("downloads")).resolve("One Piece - Tome 03.cbz");
        Files.write(file, new byte[] {3});
        peers.contentPaths.put(op3.handle(), file.toString());
        peers.states.put(op3.handle(), DownloadState.COMPLETED);
        kanzen.trackDownloads();
        missingAfterTheImport = kanzen.stats().volumesMissing();

        // 2026-11-22 15:00: the source fails a search
        clock.advance(Duration.ofHours(6));
        peers.sourceFailure = new PluginException(ErrorKind.UNAVAILABLE, "connection refused");
        kanzen.check(false, "Berserk");
        peers.sourceFailure = null;

        clock.advance(Duration.ofHours(21)); // 2026-11-23 12:00
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private long id(String title) {
        return kanzen.series().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().id();
    }

    private List<HistoryEvent> all(HistoryFilter filter) {
        return kanzen.history(filter, 0, HistoryPage.MAX_LIMIT).items();
    }

    @Test
    void theHistoryIsFilteredByTypeNewestFirst() {
        List<HistoryEvent> grabs = all(HistoryFilter.ALL.withKinds(Set.of(Kind.GRAB)));

        assertThat(grabs).extracting(HistoryEvent::seriesTitle).containsExactly("One Piece", "Berserk");
        assertThat(grabs).extracting(HistoryEvent::source).containsExactly(null, "releases");
        assertThat(all(HistoryFilter.ALL.withKinds(Set.of(Kind.IMPORT, Kind.DOWNLOAD_FAILED)))).extracting(HistoryEvent::kind)
                .containsExactlyInAnyOrder(Kind.IMPORT, Kind.DOWNLOAD_FAILED);
    }

    @Test
    void theHistoryIsFilteredBySeriesAndOutcome() {
        List<HistoryEvent> ofBerserk = all(HistoryFilter.ALL.withSeries(berserk));
        assertThat(ofBerserk).isNotEmpty().allMatch(e -> e.seriesId() == berserk);
        assertThat(ofBerserk).extracting(HistoryEvent::kind).contains(Kind.SEARCH, Kind.GRAB, Kind.DOWNLOAD_FAILED, Kind.FAILURE);

        assertThat(all(HistoryFilter.ALL.withSeries(berserk).withSuccess(false))).extracting(HistoryEvent::kind)
                .containsExactly(Kind.FAILURE, Kind.DOWNLOAD_FAILED);
        assertThat(all(HistoryFilter.ALL.withSeries(onePiece))).extracting(HistoryEvent::kind).containsExactly(Kind.IMPORT, Kind.GRAB);
        assertThat(kanzen.historySeries()).containsExactly(Map.entry(berserk, "Berserk"), Map.entry(onePiece, "One Piece"));
    }

    @Test
    void thePeriodIncludesItsStartAndExcludesItsEndEvenAtAFractionOfASecond() {
        HistoryFilter the21st = HistoryFilter.ALL.between(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(all(the21st)).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(Instant.parse("2026-11-21T23:30:00Z")));

        // the import happened at 09:00:00.5: inside a period starting at 09:00:00, outside one ending then
        Instant nine = Instant.parse("2026-11-22T09:00:00Z");
        assertThat(all(HistoryFilter.ALL.withKinds(Set.of(Kind.IMPORT)).between(nine, nine.plusSeconds(1)))).hasSize(1);
        assertThat(all(HistoryFilter.ALL.withKinds(Set.of(Kind.IMPORT)).between(nine.minusSeconds(60), nine))).isEmpty();
        assertThatThrownBy(() -> HistoryFilter.ALL.between(nine, nine)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesFollowEachOtherWithTheTotalOfTheFilterAndAnExportHasThemAll() {
        List<HistoryEvent> every = all(HistoryFilter.ALL);
        assertThat(every).hasSizeGreaterThan(5);
        assertThat(every).extracting(HistoryEvent::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<HistoryEvent> paged = new ArrayList<>();
        for (int offset = 0; offset < every.size(); offset += 2) {
            HistoryPage page = kanzen.history(HistoryFilter.ALL, offset, 2);
            assertThat(page.total()).isEqualTo(every.size());
            paged.addAll(page.items());
        }
        assertThat(paged).isEqualTo(every);
        assertThat(kanzen.history(HistoryFilter.ALL, every.size(), 2).items()).isEmpty();
        assertThatThrownBy(() -> kanzen.history(HistoryFilter.ALL, 0, HistoryPage.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);

        List<HistoryEvent> exported = new ArrayList<>();
        kanzen.exportHistory(HistoryFilter.ALL.withSeries(berserk), exported::add);
        assertThat(exported).isEqualTo(all(HistoryFilter.ALL.withSeries(berserk)));
    }

    @Test
    void eachDayCountsItsSentImportedAndFailedDownloadsAndTheMissingVolumesAtItsEnd() {
        assertThat(missingAfterTheCheck).as("a volume sent is missing until it is imported").isEqualTo(missingAtStart);
        assertThat(missingAfterTheImport).isEqualTo(missingAtStart - 1);

        List<DailyActivity> days = kanzen.dailyActivity(5, ZoneOffset.UTC);

        assertThat(days).containsExactly(
                new DailyActivity(LocalDate.of(2026, 11, 19), 0, 0, 0, null),
                new DailyActivity(LocalDate.of(2026, 11, 20), 1, 0, 0, missingAtStart),
                new DailyActivity(LocalDate.of(2026, 11, 21), 1, 0, 0, missingAtStart),
                // the failed search is the source's failure, not a download's
                new DailyActivity(LocalDate.of(2026, 11, 22), 0, 1, 1, missingAfterTheImport),
                new DailyActivity(LocalDate.of(2026, 11, 23), 0, 0, 0, missingAfterTheImport));
    }

    @Test
    void daysAreTheUsersDaysInTheirTimeZone() {
        List<DailyActivity> paris = kanzen.dailyActivity(3, ZoneId.of("Europe/Paris"));

        assertThat(paris).extracting(DailyActivity::day).containsExactly(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
                LocalDate.of(2026, 11, 23));
        assertThat(paris).extracting(DailyActivity::sent).as("the grab at 23:30 UTC is the 22nd at 00:30 in Paris").containsExactly(0, 1, 0);
        assertThatThrownBy(() -> kanzen.dailyActivity(0, ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kanzen.dailyActivity(367, ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachSourceHasItsSearchesAndWhatBecameOfItsDownloads() {
        List<SourceActivity> sources = kanzen.sourceActivity(30);

        assertThat(sources).containsExactly(
                new SourceActivity("releases", 1, 1, 1, 0, 1, 0),
                new SourceActivity(null, 0, 0, 1, 1, 0, 0));
        assertThat(sources.get(0).successRate()).isEqualTo(0.0);
        assertThat(sources.get(1).successRate()).isEqualTo(1.0);
        assertThat(kanzen.sourceActivity(1)).as("in the last day: only the failed search")
                .containsExactly(new SourceActivity("releases", 0, 1, 0, 0, 0, 0));
    }
}
