package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.core.CheckReport;
import io.kanzen.core.Grab;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.InvalidSettingException;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import io.kanzen.core.SeriesDetail;
import io.kanzen.core.SeriesSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The series page's data over a real SQLite file, a library on disk and hand-written peers. */
class SeriesDetailTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private Kanzen kanzen;
    private long onePiece;
    private long berserk;

    @BeforeEach
    void library() throws Exception {
        Path root = tmp.resolve("manga");
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "One Piece/One Piece T04.cbz",
                "One Piece/One Piece T04.5.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(Clock.fixed(now, ZoneOffset.UTC)).classpathPlugins(false).plugin(peers)
                .build();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveSource("meta", "meta", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, true, List.of(), null, "vf", "fr", List.of("cbz", "cbr", "pdf", "epub", "zip",
                "rar"), false, 0, 24));
        onePiece = id("One Piece");
        berserk = id("Berserk");
    }

    private long id(String title) {
        return kanzen.series().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().id();
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private static SeriesDetail.State stateOf(SeriesDetail d, double volume) {
        return d.volumes().stream().filter(v -> v.number() == volume).findFirst().orElseThrow().state();
    }

    @Test
    void theGridTellsOwnedMissingSentDownloadingAndTheAnnouncedVolumeWithItsDate() {
        peers.metadataByTitle.put("One Piece", new SeriesMetadata("One Piece", List.of("Wan Pīsu"), "https://www.nautiljon.com/mangas/one+piece.html",
                new EditionInfo(110, PublicationStatus.ONGOING, List.of("Shueisha"), null, null),
                new EditionInfo(7, PublicationStatus.ONGOING, List.of("Glénat"), null, new EditionInfo.VolumeDate(8, LocalDate.of(2026, 12, 3))),
                List.of(), List.of(), null));
        kanzen.check(true, "One Piece"); // a dry run fetches and keeps the metadata

        kanzen.grab("client", FakePeers.magnet("One Piece T05"), "One Piece", VolumeRange.of(5));
        kanzen.trackDownloads(); // the client reports volume 5 at 50 %
        kanzen.grab("client", FakePeers.magnet("One Piece T06"), "One Piece", VolumeRange.of(6));

        SeriesDetail d = kanzen.seriesDetail(onePiece);

        assertThat(d.volumes()).extracting(SeriesDetail.Volume::label).containsExactly("1", "2", "3", "4", "4.5", "5", "6", "7", "8");
        assertThat(stateOf(d, 1)).isEqualTo(SeriesDetail.State.OWNED);
        assertThat(stateOf(d, 3)).isEqualTo(SeriesDetail.State.MISSING);
        assertThat(stateOf(d, 4.5)).isEqualTo(SeriesDetail.State.OWNED);
        assertThat(stateOf(d, 5)).isEqualTo(SeriesDetail.State.DOWNLOADING);
        assertThat(stateOf(d, 6)).isEqualTo(SeriesDetail.State.SENT);
        assertThat(stateOf(d, 7)).isEqualTo(SeriesDetail.State.MISSING);
        SeriesDetail.Volume next = d.volumes().get(d.volumes().size() - 1);
        assertThat(next.state()).isEqualTo(SeriesDetail.State.UPCOMING);
        assertThat(next.date()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(d.volumes().stream().filter(v -> v.number() == 5).findFirst().orElseThrow().progress()).isEqualTo(0.5);
        assertThat(d.missing()).as("volumes on their way are not missing").containsExactly(3, 7);
        assertThat(kanzen.volumesUnderWay()).containsOnlyKeys(onePiece);
        assertThat(kanzen.volumesUnderWay().get(onePiece)).containsExactly(5, 6);
        assertThat(d.grabs()).extracting(g -> g.volume().toString()).containsExactly("6", "5");

        assertThat(d.metadata().url()).isEqualTo("https://www.nautiljon.com/mangas/one+piece.html");
        assertThat(d.metadata().vf().publishers()).containsExactly("Glénat");
        assertThat(d.metadata().vo().publishers()).containsExactly("Shueisha");
        assertThat(d.metadata().vf().volumeCount()).isEqualTo(7);
        assertThat(d.metadata().vo().volumeCount()).isEqualTo(110);
        assertThat(d.metadata().vf().nextVolume().date()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(d.edition()).isEqualTo("vf");
        assertThat(d.monitored()).isTrue();
    }

    @Test
    void pinningAnotherMetadataPageDropsWhatWasReadBeforeAndTheNextLookReadsThePinnedPage() {
        peers.metadataByTitle.put("One Piece", FakePeers.metadata("One Piece", 110, 7, null));
        kanzen.check(true, "One Piece");
        assertThat(kanzen.seriesDetail(onePiece).metadata().vf().volumeCount()).isEqualTo(7);

        kanzen.updateSeriesSettings(onePiece, Map.of("aliases", "OP"));
        assertThat(kanzen.seriesDetail(onePiece).metadata()).as("another setting keeps it").isNotNull();
        kanzen.updateSeriesSettings(onePiece, Map.of("pinnedUrl", "https://meta.example/one-piece-perfect"));
        assertThat(kanzen.seriesDetail(onePiece).metadata()).isNull();

        peers.metadataByTitle.put("One Piece", FakePeers.metadata("One Piece", 110, 9, null));
        kanzen.check(true, "One Piece");
        assertThat(kanzen.seriesDetail(onePiece).metadata().vf().volumeCount()).isEqualTo(9);
    }

    @Test
    void aSeriesNeverLookedUpHasNoMetadataAndItsGapsAreMissing() {
        SeriesDetail d = kanzen.seriesDetail(berserk);
        assertThat(d.metadata()).isNull();
        assertThat(d.volumes()).extracting(SeriesDetail.Volume::state).containsExactly(SeriesDetail.State.MISSING, SeriesDetail.State.OWNED);
    }

    @Test
    void anUnknownSeriesIsNamedInTheError() {
        assertThatThrownBy(() -> kanzen.seriesDetail(9999)).isInstanceOf(KanzenException.class).hasMessageStartingWith("no series with id 9999");
    }

    @Test
    void aPartialSettingsChangeKeepsTheOtherSettingsAndIsReadBack() {
        kanzen.updateSeriesSettings(onePiece, Map.of("aliases", "[\"Wan Pīsu\"]", "client", "client"));
        Map<String, String> change = new LinkedHashMap<>();
        change.put("edition", "vo");
        change.put("sources", "[\"releases\"]");
        change.put("minMegabytes", "20");
        change.put("maxMegabytes", "400");
        change.put("requiredWords", "FR, Glénat");
        change.put("pinnedUrl", "https://www.nautiljon.com/mangas/one+piece.html");
        change.put("releaseEdition", "Perfect Edition");
        change.put("acceptUntagged", "true");
        change.put("language", "FR");
        kanzen.updateSeriesSettings(onePiece, change);

        SeriesSettings read = kanzen.seriesSettings(onePiece);
        assertThat(read.edition()).isEqualTo("vo");
        assertThat(read.client()).isEqualTo("client");
        assertThat(read.aliases()).containsExactly("Wan Pīsu");
        assertThat(read.sources()).containsExactly("releases");
        assertThat(read.minMegabytes()).isEqualTo(20);
        assertThat(read.maxMegabytes()).isEqualTo(400);
        assertThat(read.requiredWords()).containsExactly("FR", "Glénat");
        assertThat(read.releaseEdition()).isEqualTo("perfect");
        assertThat(read.acceptUntagged()).isTrue();
        assertThat(read.language()).isEqualTo("fr");

        kanzen.updateSeriesSettings(onePiece, Map.of("client", "", "edition", ""));
        assertThat(kanzen.seriesSettings(onePiece).client()).as("empty: back to the global setting").isNull();
        assertThat(kanzen.seriesDetail(onePiece).edition()).isEqualTo("vf");
    }

    @Test
    void aValueThatCannotBeTakenNamesItsFieldAndNothingIsSaved() {
        kanzen.updateSeriesSettings(onePiece, Map.of("minMegabytes", "10"));
        assertThat(fieldOf(Map.of("client", "transmission"))).isEqualTo("client");
        assertThat(fieldOf(Map.of("sources", "[\"releases\", \"nyaa\"]"))).isEqualTo("sources");
        assertThat(fieldOf(Map.of("minMegabytes", "beaucoup"))).isEqualTo("minMegabytes");
        assertThat(fieldOf(Map.of("maxMegabytes", "5"))).as("below the smallest").isEqualTo("maxMegabytes");
        assertThat(fieldOf(Map.of("pinnedUrl", "nautiljon one piece"))).isEqualTo("pinnedUrl");
        assertThat(fieldOf(Map.of("language", "klingon"))).isEqualTo("language");
        assertThat(fieldOf(Map.of("edition", "vostfr"))).isEqualTo("edition");
        assertThat(fieldOf(Map.of("releaseEdition", "collector dorée"))).isEqualTo("releaseEdition");
        assertThat(fieldOf(Map.of("colour", "blue"))).isEqualTo("colour");
        assertThat(kanzen.seriesSettings(onePiece)).isEqualTo(new SeriesSettings(true, null, null, null, null, List.of(), List.of(), List.of(), 10, null, null));
    }

    private String fieldOf(Map<String, String> change) {
        try {
            kanzen.updateSeriesSettings(onePiece, change);
        } catch (InvalidSettingException e) {
            return e.field();
        }
        throw new AssertionError("taken: " + change);
    }

    @Test
    void severalSeriesAreUnmonitoredAtOnceAndAnUnknownIdChangesNone() {
        kanzen.updateSeriesSettings(onePiece, Map.of("client", "client"));
        kanzen.setMonitored(List.of(onePiece, berserk), false);
        assertThat(kanzen.seriesDetail(onePiece).monitored()).isFalse();
        assertThat(kanzen.seriesDetail(berserk).monitored()).isFalse();
        assertThat(kanzen.seriesSettings(onePiece).client()).as("other settings kept").isEqualTo("client");

        assertThatThrownBy(() -> kanzen.setMonitored(List.of(onePiece, 424242L), true)).isInstanceOf(KanzenException.class)
                .hasMessageContaining("424242");
        assertThat(kanzen.seriesDetail(onePiece).monitored()).isFalse();
    }

    @Test
    void aRealCheckOfChosenSeriesSearchesAndSendsForThemOnlyEvenUnmonitored() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ"));
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR CBZ"));
        kanzen.setMonitored(List.of(berserk), false);

        CheckReport report = kanzen.checkSeries(false, List.of(berserk));

        assertThat(report.dryRun()).isFalse();
        assertThat(report.series()).extracting(s -> s.title()).containsExactly("Berserk");
        assertThat(peers.submitted).extracting(r -> r.volume().from()).containsExactly(1.0);
        assertThat(kanzen.seriesDetail(berserk).volumes().get(0).state()).isIn(SeriesDetail.State.SENT, SeriesDetail.State.DOWNLOADING);
        assertThat(kanzen.seriesHistory(berserk, 50)).extracting(HistoryEvent::kind).contains(HistoryEvent.Kind.SEARCH, HistoryEvent.Kind.GRAB);
        assertThat(kanzen.seriesHistory(onePiece, 50)).as("the other series was not searched").isEmpty();
        assertThat(kanzen.seriesDetail(berserk).grabs()).extracting(Grab::state).containsExactly(Grab.State.SENT);
        assertThatThrownBy(() -> kanzen.checkSeries(true, List.of(777L))).isInstanceOf(KanzenException.class).hasMessageContaining("777");
    }
}
