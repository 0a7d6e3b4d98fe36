package io.kanzen.core.internal.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.NameParser;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.Library;
import io.kanzen.core.ScanProblem;
import io.kanzen.core.ScanReport;
import io.kanzen.core.SeriesSummary;
import io.kanzen.core.internal.parse.FileNameParser;
import io.kanzen.core.internal.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScannerTest {
    @TempDir
    Path tmp;

    private Path root;
    private Database db;
    private LibraryStore store;
    private final AtomicInteger parses = new AtomicInteger();
    private LibraryScanner scanner;
    private Library library;

    @BeforeEach
    void open() throws Exception {
        root = Files.createDirectories(tmp.resolve("manga"));
        db = Database.open(tmp.resolve("data"));
        store = new LibraryStore(db);
        NameParser real = new FileNameParser();
        NameParser counting = name -> {
            parses.incrementAndGet();
            return real.parse(name);
        };
        scanner = new LibraryScanner(store, counting, Clock.systemUTC());
        library = store.add("Manga", root, Instant.now());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_generated_library_of_thousands_of_files_gives_every_series_its_volumes_and_gaps() throws Exception {
        Random random = new Random(7);
        String[] patterns = {"%s - Tome %02d.cbz", "%s T%02d.cbr", "%s v%03d (2019) (Digital).cbz", "%s Vol. %d.pdf", "%s_-_Tome_%d.epub"};
        Map<String, List<Integer>> expectedGaps = new TreeMap<>();
        int files = 0;
        for (int s = 0; s < 200; s++) {
            String title = "Série " + s;
            Path folder = Files.createDirectories(root.resolve(title));
            int highest = 5 + random.nextInt(25);
            List<Integer> gaps = new ArrayList<>();
            for (int v = 1; v <= highest; v++) {
                if (v != highest && random.nextInt(6) == 0) {
                    gaps.add(v);
                } else {
                    Files.createFile(folder.resolve(String.format(patterns[s % patterns.length], title, v)));
                    files++;
                }
            }
            if (!gaps.isEmpty()) {
                expectedGaps.put(title, gaps);
            }
        }
        assertThat(files).isGreaterThan(2000);

        ScanReport report = scanner.scan(library);

        assertThat(report.files()).isEqualTo(files);
        assertThat(report.added()).isEqualTo(files);
        assertThat(report.series()).isEqualTo(200);
        assertThat(report.problems()).isEmpty();
        Map<String, List<Integer>> gaps = store.summaries().stream()
                .filter(s -> !VolumeRanges.gaps(s.volumes()).isEmpty())
                .collect(Collectors.toMap(SeriesSummary::title, s -> VolumeRanges.gaps(s.volumes()), (a, b) -> a, TreeMap::new));
        assertThat(gaps).isEqualTo(expectedGaps);
    }

    @Test
    void an_unchanged_library_is_only_stated_on_rescan_no_parse_and_no_rewrite() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Akira/Akira T03.cbz", "Pluto/Pluto v01.cbz");
        scanner.scan(library);
        Map<String, Long> idsBefore = fileIds();
        parses.set(0);

        ScanReport again = scanner.scan(library);

        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.added() + again.changed() + again.removed()).isZero();
        assertThat(parses.get()).isZero();
        assertThat(fileIds()).isEqualTo(idsBefore);
    }

    @Test
    void a_changed_file_is_parsed_again_and_a_deleted_one_removed() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Akira/Akira T03.cbz");
        scanner.scan(library);
        Path t2 = root.resolve("Akira/Akira T02.cbz");
        Files.writeString(t2, "more bytes");
        Files.setLastModifiedTime(t2, FileTime.from(Instant.now().plusSeconds(60)));
        Files.delete(root.resolve("Akira/Akira T03.cbz"));
        parses.set(0);

        ScanReport report = scanner.scan(library);

        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(parses.get()).isEqualTo(1);
        assertThat(store.summaries()).singleElement().satisfies(s -> assertThat(s.volumes()).containsExactly(VolumeRange.of(1, 2)));
    }

    @Test
    void loose_files_at_the_root_are_grouped_by_the_series_their_names_give() throws Exception {
        write("Akira T01.cbz", "Akira - Tome 02.cbz", "akira_T03.cbz", "Monster v01.cbz", "Akira/Akira T04.cbz");

        scanner.scan(library);

        assertThat(store.summaries()).extracting(SeriesSummary::title, s -> s.volumes().toString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Akira", "[1-4]"),
                        org.assertj.core.groups.Tuple.tuple("Monster", "[1]"));
    }

    @Test
    void odd_names_and_broken_entries_are_reported_and_the_rest_is_scanned() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/notes.cbz", "Akira/readme.txt", "Akira/.hidden T09.cbz", "Akira/Extras/Akira T02.cbz",
                "Monster/Monster 🎉 (((unbalanced [v.cbz", "Monster/" + "x".repeat(200) + " T07.cbz");
        Files.createSymbolicLink(root.resolve("Akira/Akira T03.cbz"), tmp.resolve("nowhere.cbz"));
        Files.createSymbolicLink(root.resolve("Gone"), tmp.resolve("no-such-folder"));

        ScanReport report = scanner.scan(library);

        assertThat(report.files()).isEqualTo(5);
        assertThat(report.problems()).extracting(ScanProblem::kind, ScanProblem::path).contains(
                org.assertj.core.groups.Tuple.tuple(ScanProblem.Kind.NO_NUMBER, "Akira/notes.cbz"),
                org.assertj.core.groups.Tuple.tuple(ScanProblem.Kind.UNREADABLE, "Akira/Akira T03.cbz"),
                org.assertj.core.groups.Tuple.tuple(ScanProblem.Kind.UNREADABLE, "Gone"));
        assertThat(store.summaries()).filteredOn(s -> s.title().equals("Akira")).singleElement()
                .satisfies(s -> assertThat(s.volumes()).containsExactly(VolumeRange.of(1, 2)));
    }

    @Test
    void a_missing_library_folder_is_reported_and_nothing_is_removed() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz");
        scanner.scan(library);
        Path moved = tmp.resolve("unmounted");
        Files.move(root, moved);

        ScanReport report = scanner.scan(library);

        assertThat(report.problems()).extracting(ScanProblem::kind).containsExactly(ScanProblem.Kind.MISSING_FOLDER);
        assertThat(report.removed()).isZero();
        assertThat(store.summaries()).singleElement().satisfies(s -> assertThat(s.files()).isEqualTo(2));
    }

    private void write(String... paths) throws Exception {
        for (String p : paths) {
            Path f = root.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, p);
        }
    }

    private Map<String, Long> fileIds() {
        Map<String, Long> ids = new TreeMap<>();
        store.files(library.id()).forEach((path, f) -> ids.put(path, f.id()));
        return ids;
    }
}
