package io.kanzen.core.internal.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.Library;
import io.kanzen.core.ScanReport;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.internal.parse.FileNameParser;
import io.kanzen.core.internal.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real folders scanned into a real database: how a bare number reads inside a series folder. */
class SeriesFolderReadingTest {
    @TempDir
    Path tmp;

    private Database db;
    private LibraryStore store;
    private LibraryScanner scanner;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("data"));
        store = new LibraryStore(db);
        scanner = new LibraryScanner(store, new FileNameParser(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_bare_number_inside_the_series_folder_is_a_volume() throws Exception {
        Library library = library("Manga", false, "Berserk/Berserk 05.cbz", "Berserk/Berserk - 06.cbz", "Berserk/07.cbz",
                "Berserk/berserk_08.cbr");

        ScanReport report = scanner.scan(library);

        assertThat(report.problems()).isEmpty();
        assertThat(volumesOf("Berserk")).containsExactly(VolumeRange.of(5, 8));
    }

    @Test
    void a_multi_volume_file_covers_its_range() throws Exception {
        Library library = library("Manga", false, "Gunnm/Gunnm 01-03.cbz", "Gunnm/Gunnm T04-T06.cbz", "Gunnm/Gunnm 07.cbz");

        scanner.scan(library);

        assertThat(volumesOf("Gunnm")).containsExactly(VolumeRange.of(1, 7));
    }

    @Test
    void a_chapter_marker_keeps_a_chapter_a_chapter() throws Exception {
        Library library = library("Manga", false, "Berserk/Berserk 05.cbz", "Berserk/Berserk Ch 120.cbz",
                "Berserk/Berserk Chapitre 121.cbz", "Berserk/Berserk c122.cbz", "Berserk/Berserk #123.cbz");

        ScanReport report = scanner.scan(library);

        assertThat(report.problems()).isEmpty();
        assertThat(volumesOf("Berserk")).containsExactly(VolumeRange.of(5));
    }

    @Test
    void in_a_chapter_based_library_a_bare_number_stays_a_chapter() throws Exception {
        Library library = library("Scans", true, "Berserk/Berserk 05.cbz", "Berserk/Berserk 06.cbz");

        ScanReport report = scanner.scan(library);

        assertThat(library.chapterBased()).isTrue();
        assertThat(store.all()).singleElement().satisfies(l -> assertThat(l.chapterBased()).isTrue());
        assertThat(report.problems()).isEmpty();
        assertThat(volumesOf("Berserk")).isEmpty();
    }

    @Test
    void a_number_that_belongs_to_the_title_is_not_the_volume() throws Exception {
        Library library = library("Manga", false, "Mob Psycho 100/Mob Psycho 100 03.cbz", "Mob Psycho 100/Mob Psycho 100 - 04.cbz",
                "Kaiju No. 8/Kaiju No 8 - 02.cbz", "20th Century Boys/20th Century Boys 11.cbz");

        scanner.scan(library);

        assertThat(volumesOf("Mob Psycho 100")).containsExactly(VolumeRange.of(3, 4));
        assertThat(volumesOf("Kaiju No. 8")).containsExactly(VolumeRange.of(2));
        assertThat(volumesOf("20th Century Boys")).containsExactly(VolumeRange.of(11));
    }

    @Test
    void specials_artbooks_and_guidebooks_are_not_volumes() throws Exception {
        Library library = library("Manga", false, "Dragon Ball/Dragon Ball 01.cbz", "Dragon Ball/Dragon Ball HS 2.cbz",
                "Dragon Ball/Dragon Ball Hors-série 3.cbz", "Dragon Ball/Dragon Ball Artbook 4.cbz",
                "Dragon Ball/Dragon Ball Guidebook 5.cbz", "Dragon Ball/Dragon Ball One-shot 6.cbz");

        ScanReport report = scanner.scan(library);

        assertThat(report.problems()).isEmpty();
        assertThat(volumesOf("Dragon Ball")).containsExactly(VolumeRange.of(1));
    }

    @Test
    void a_loose_file_at_the_root_has_no_folder_to_read_it_by() throws Exception {
        Library library = library("Manga", false, "Bleach 042.cbz");

        scanner.scan(library);

        assertThat(store.summaries()).singleElement().satisfies(s -> assertThat(s.volumes()).isEmpty());
    }

    @Test
    void a_file_read_as_a_chapter_before_the_rule_is_read_again_after_the_upgrade() throws Exception {
        db.close();
        Path root = Files.createDirectories(tmp.resolve("old/Berserk")).getParent();
        Path file = Files.writeString(root.resolve("Berserk/Berserk 05.cbz"), "x");
        long modified = Files.getLastModifiedTime(file).toMillis();
        try (Database before = Database.open(tmp.resolve("upgraded"), "6")) {
            before.write(c -> {
                try (var s = c.createStatement()) {
                    s.execute("INSERT INTO library (id, name, root_path, created_at) VALUES (1, 'Old', '" + root + "', 'then')");
                    s.execute("INSERT INTO series (id, library_id, title, title_key, folder) VALUES (1, 1, 'Berserk', 'berserk', 'Berserk')");
                    s.execute("INSERT INTO volume_file (library_id, series_id, path, size, modified_ms, chapter_from, chapter_to) "
                            + "VALUES (1, 1, 'Berserk/Berserk 05.cbz', 1, " + modified + ", 5, 5)");
                }
                return null;
            });
        }
        db = Database.open(tmp.resolve("upgraded"));
        store = new LibraryStore(db);
        scanner = new LibraryScanner(store, new FileNameParser(), Clock.systemUTC());

        ScanReport report = scanner.scan(store.byName("Old").orElseThrow());

        assertThat(report.changed()).isEqualTo(1);
        assertThat(volumesOf("Berserk")).containsExactly(VolumeRange.of(5));
    }

    @Test
    void a_title_is_matched_letter_by_letter_and_only_as_a_whole_word() {
        assertThat(SeriesFolderReading.afterTitle("Kaiju No 8 - 02.cbz", "Kaiju No. 8")).isEqualTo(" - 02.cbz");
        assertThat(SeriesFolderReading.afterTitle("berserk_08.cbr", "Berserk")).isEqualTo("_08.cbr");
        assertThat(SeriesFolderReading.afterTitle("Berserker 05.cbz", "Berserk")).isNull();
        assertThat(SeriesFolderReading.afterTitle("05.cbz", "Berserk")).isNull();
    }

    private Library library(String name, boolean chapterBased, String... files) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(name));
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        return store.add(name, root, Instant.now(), chapterBased);
    }

    private List<VolumeRange> volumesOf(String title) {
        return store.summaries().stream().filter(s -> s.title().equals(title)).findFirst().map(SeriesSummary::volumes)
                .orElseThrow(() -> new AssertionError("no series " + title + " in " + store.summaries()));
    }

}
