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

    @Test
    void a_folder_unchanged_since_it_was_listed_is_not_listed_again_and_its_files_still_count() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Akira/notes.cbz", "Pluto/Pluto v01.cbz");
        scanner.scan(library);
        age();
        scanner.scan(library); // lists the folders again (they had just been written) and records them settled
        parses.set(0);

        ScanReport again = scanner.scan(library);

        assertThat(again.foldersUnchanged()).isEqualTo(3); // the root, Akira, Pluto
        assertThat(again.files()).isEqualTo(4);
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.added() + again.changed() + again.removed()).isZero();
        assertThat(again.problems()).extracting(ScanProblem::kind, ScanProblem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ScanProblem.Kind.NO_NUMBER, "Akira/notes.cbz"));
        assertThat(parses.get()).isZero();
        assertThat(again.series()).isEqualTo(2);
    }

    @Test
    void a_folder_modified_in_the_last_seconds_is_listed_again_at_the_next_scan() throws Exception {
        write("Akira/Akira T01.cbz");
        scanner.scan(library); // the folders were written just now: their times are not trusted yet

        ScanReport again = scanner.scan(library);

        assertThat(again.foldersUnchanged()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void a_file_added_removed_or_renamed_in_an_unchanged_library_is_seen_at_the_next_scan() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Pluto/Pluto v01.cbz", "Pluto/Pluto v02.cbz", "Monster/Monster T01.cbz");
        settledScan();
        write("Akira/Akira T03.cbz");
        Files.delete(root.resolve("Pluto/Pluto v02.cbz"));
        Files.move(root.resolve("Monster/Monster T01.cbz"), root.resolve("Monster/Monster T05.cbz"));

        ScanReport report = scanner.scan(library);

        assertThat(report.added()).isEqualTo(2); // Akira T03 and Monster T05
        assertThat(report.removed()).isEqualTo(2); // Pluto v02 and Monster T01
        assertThat(report.foldersUnchanged()).isEqualTo(1); // the root: no series folder came or went
        assertThat(volumes()).isEqualTo(Map.of("Akira", "[1-3]", "Pluto", "[1]", "Monster", "[5]"));
    }

    @Test
    void a_file_added_deep_inside_an_unchanged_series_folder_is_seen() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Extras/Bonus/Akira T02.cbz");
        settledScan();
        write("Akira/Extras/Bonus/Akira T03.cbz"); // changes Bonus only, not Akira nor Extras

        ScanReport report = scanner.scan(library);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.foldersUnchanged()).isEqualTo(3); // the root, Akira, Extras
        assertThat(volumes()).isEqualTo(Map.of("Akira", "[1-3]"));
    }

    @Test
    void a_series_folder_removed_renamed_or_added_is_seen_with_its_files() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Extras/Akira T02.cbz", "Pluto/Pluto v01.cbz", "Monster/Monster T01.cbz");
        settledScan();
        deleteTree(root.resolve("Akira"));
        Files.move(root.resolve("Pluto"), root.resolve("Pluto Urasawa"));
        write("Bleach/Bleach T01.cbz");

        ScanReport report = scanner.scan(library);

        assertThat(volumes()).isEqualTo(Map.of("Pluto Urasawa", "[1]", "Monster", "[1]", "Bleach", "[1]"));
        assertThat(report.removed()).isEqualTo(3);
        assertThat(folderRecords()).containsExactlyInAnyOrder("", "Pluto Urasawa", "Monster", "Bleach");
    }

    @Test
    void a_file_written_in_place_keeps_its_recorded_size_until_its_folder_changes_or_a_full_scan() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz");
        settledScan();
        Path t2 = root.resolve("Akira/Akira T02.cbz");
        Files.writeString(t2, "a much longer content than before"); // in place: the folder's entries did not change

        ScanReport quick = scanner.scan(library);

        assertThat(quick.changed()).isZero();
        assertThat(store.files(library.id()).get("Akira/Akira T02.cbz").size()).isEqualTo("Akira/Akira T02.cbz".length());

        ScanReport full = scanner.scan(library, true);

        assertThat(full.changed()).isEqualTo(1);
        assertThat(full.foldersUnchanged()).isZero();
        assertThat(store.files(library.id()).get("Akira/Akira T02.cbz").size()).isEqualTo(Files.size(t2));
    }

    @Test
    void a_file_replaced_through_a_new_file_renamed_over_it_is_seen_without_a_full_scan() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz");
        settledScan();
        Path t2 = root.resolve("Akira/Akira T02.cbz");
        Path part = root.resolve("Akira/.Akira T02.cbz.part");
        Files.writeString(part, "the new edition of volume 2");
        Files.move(part, t2, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        ScanReport report = scanner.scan(library);

        assertThat(report.changed()).isEqualTo(1);
        assertThat(store.files(library.id()).get("Akira/Akira T02.cbz").size()).isEqualTo(Files.size(t2));
    }

    @Test
    void a_full_scan_lists_every_folder_and_reads_every_name_again() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Pluto/Pluto v01.cbz");
        settledScan();
        Map<String, Long> idsBefore = fileIds();
        parses.set(0);

        ScanReport full = scanner.scan(library, true);

        assertThat(full.foldersUnchanged()).isZero();
        assertThat(full.unchanged()).isEqualTo(3);
        assertThat(parses.get()).isGreaterThanOrEqualTo(3);
        assertThat(fileIds()).isEqualTo(idsBefore);
        assertThat(scanner.scan(library).foldersUnchanged()).isEqualTo(3); // and records the folders as settled again
    }

    @Test
    void a_library_scanned_before_folders_were_recorded_is_compared_row_by_row_once() throws Exception {
        write("Akira/Akira T01.cbz", "Pluto/Pluto v01.cbz");
        settledScan();
        db.write(c -> c.createStatement().executeUpdate("DELETE FROM scanned_folder")); // as after the upgrade to V21
        deleteTree(root.resolve("Pluto"));

        ScanReport report = scanner.scan(library);

        assertThat(report.removed()).isEqualTo(1);
        assertThat(volumes()).isEqualTo(Map.of("Akira", "[1]"));
    }

    @Test
    void after_changes_of_every_kind_the_library_is_the_same_as_a_full_scan_of_it_into_a_new_database() throws Exception {
        Random random = new Random(11);
        String[] patterns = {"%s - Tome %02d.cbz", "%s T%02d.cbr", "%s v%03d (2019) (Digital).cbz", "%s Vol. %d.pdf"};
        for (int s = 0; s < 60; s++) {
            String title = "Série " + s;
            for (int v = 1; v <= 8; v++) {
                if (random.nextInt(5) > 0) { // gaps; every fifth series names its files by a bare number
                    write(title + "/" + (s % 5 == 4 ? String.format("%02d.cbz", v) : String.format(patterns[s % 4], title, v)));
                }
            }
            if (s % 7 == 0) {
                write("Série " + s + "/Extras/Série " + s + " T20.cbz");
            }
        }
        write("Loose T01.cbz", "Loose T02.cbz");
        settledScan();
        for (int s = 0; s < 60; s += 3) { // changes of every kind in a third of the series
            Path folder = root.resolve("Série " + s);
            switch (s % 5) {
                case 0 -> write("Série " + s + "/Série " + s + " T30.cbz");
                case 1 -> {
                    try (var files = Files.list(folder)) {
                        Path first = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
                        Files.delete(first);
                    }
                }
                case 2 -> Files.move(folder, root.resolve("Série " + s + " (renamed)"));
                case 3 -> deleteTree(folder);
                default -> write("Série " + s + "/Extras/Série " + s + " T21.cbz");
            }
        }
        write("Nouvelle/Nouvelle T01.cbz", "Loose T03.cbz");
        Files.delete(root.resolve("Loose T01.cbz"));

        ScanReport quick = scanner.scan(library);

        assertThat(quick.foldersUnchanged()).isGreaterThan(30);
        Database fresh = Database.open(tmp.resolve("fresh"));
        try {
            LibraryStore freshStore = new LibraryStore(fresh);
            Library same = freshStore.add("Manga", root, Instant.now());
            new LibraryScanner(freshStore, new FileNameParser(), Clock.systemUTC()).scan(same, true);
            assertThat(dump(db)).isEqualTo(dump(fresh)).isNotEmpty();
        } finally {
            fresh.close();
        }
    }

    @Test
    void a_first_scan_shows_each_series_folder_whole_while_it_goes_on() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Akira/Extras/Akira T03.cbz", "Berserk/Berserk T01.cbz",
                "Monster/Monster T01.cbz", "Monster/Monster T02.cbz");
        java.util.concurrent.CountDownLatch monsterMayBeRead = new java.util.concurrent.CountDownLatch(1);
        NameParser real = new FileNameParser();
        NameParser waitingOnMonster = name -> {
            if (name.startsWith("Monster")) {
                try {
                    monsterMayBeRead.await(); // the walk is over; the last series folder is still being read
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.parse(name);
        };
        LibraryScanner scanning = new LibraryScanner(store, waitingOnMonster, Clock.systemUTC(), 1);
        var scan = java.util.concurrent.CompletableFuture.supplyAsync(() -> scanning.scan(library));
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> volumes().size() == 2);
            assertThat(volumes()).containsOnly(Map.entry("Akira", "[1-3]"), Map.entry("Berserk", "[1]"));
            assertThat(folderRecords()).containsExactlyInAnyOrder("Akira", "Akira/Extras", "Berserk");
            assertThat(scan).isNotDone();
        } finally {
            monsterMayBeRead.countDown();
        }

        ScanReport report = scan.get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(report.added()).isEqualTo(6);
        assertThat(volumes()).containsOnly(Map.entry("Akira", "[1-3]"), Map.entry("Berserk", "[1]"), Map.entry("Monster", "[1-2]"));
        assertThat(folderRecords()).containsExactlyInAnyOrder("", "Akira", "Akira/Extras", "Berserk", "Monster");
    }

    @Test
    void a_first_scan_written_a_series_at_a_time_gives_the_same_library_as_one_written_at_once() throws Exception {
        write("Akira/Akira T01.cbz", "Akira/Akira T02.cbz", "Akira/Extras/Akira T03.cbz", "Berserk/Berserk T01.cbz",
                "Berserk/Berserk Ch 120.cbz", "Monster T05.cbz", "Monster/Monster T01.cbz", "Pluto - Tome 2.cbz", "Empty/readme.txt",
                "Zetman/Zetman - 03.cbz", "Zetman/Zetman Oneshot.pdf", "zetman/Zetman 04.cbz");
        ScanReport oneAtATime = new LibraryScanner(store, new FileNameParser(), Clock.systemUTC(), 1).scan(library);
        Database other = Database.open(tmp.resolve("other"));
        try {
            LibraryStore otherStore = new LibraryStore(other);
            Library same = otherStore.add("Manga", root, Instant.now());
            ScanReport atOnce = new LibraryScanner(otherStore, new FileNameParser(), Clock.systemUTC(), Integer.MAX_VALUE).scan(same);

            assertThat(dump(db)).isEqualTo(dump(other)).hasSize(11);
            assertThat(oneAtATime.added()).isEqualTo(atOnce.added()).isEqualTo(11);
            assertThat(oneAtATime.problems()).containsExactlyInAnyOrderElementsOf(atOnce.problems());
            assertThat(volumes()).containsEntry("Monster", "[1, 5]");
        } finally {
            other.close();
        }
    }

    @Test
    void two_first_scans_of_one_library_at_once_as_a_server_and_a_command_line_would_both_succeed() throws Exception {
        for (int s = 0; s < 40; s++) {
            write("Series " + s + "/Series " + s + " T01.cbz", "Series " + s + "/Series " + s + " T02.cbz");
        }
        Database beside = Database.open(tmp.resolve("data")); // another process's connections to the same file
        try {
            LibraryStore besideStore = new LibraryStore(beside);
            Library same = besideStore.all().get(0);
            LibraryScanner here = new LibraryScanner(store, new FileNameParser(), Clock.systemUTC(), 1);
            LibraryScanner there = new LibraryScanner(besideStore, new FileNameParser(), Clock.systemUTC(), 1);

            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> here.scan(library));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> there.scan(same));

            assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).files()).isEqualTo(80);
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS).files()).isEqualTo(80);
            assertThat(volumes()).hasSize(40).allSatisfy((title, volumes) -> assertThat(volumes).isEqualTo("[1-2]"));
            assertThat(dump(db)).hasSize(80);
        } finally {
            beside.close();
        }
    }

    /** Sets every folder's modification time an hour back, as if the library had been left alone since. */
    private void age() throws Exception {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (var all = Files.walk(root)) {
            for (Path p : all.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        }
    }

    /** Scans a library left alone since it was written: the next scan can trust its folders. */
    private void settledScan() throws Exception {
        age();
        scanner.scan(library);
    }

    private static void deleteTree(Path p) throws Exception {
        try (var all = Files.walk(p)) {
            for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private Map<String, String> volumes() {
        return store.summaries().stream().collect(Collectors.toMap(SeriesSummary::title, s -> s.volumes().toString()));
    }

    private List<String> folderRecords() {
        return RecordedFolders.in(db);
    }

    /** Every series and file row as the rest of Kanzen reads them, without their ids. */
    private static List<String> dump(Database d) {
        return d.read(c -> {
            List<String> out = new ArrayList<>();
            try (var r = c.createStatement().executeQuery("SELECT s.title, s.title_key, s.folder, f.path, f.size, f.modified_ms, "
                    + "f.volume_from, f.volume_to, f.chapter_from, f.chapter_to, f.special, f.language, f.format, f.edition "
                    + "FROM volume_file f JOIN series s ON s.id = f.series_id ORDER BY f.path")) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(r.getString(i)).append(" | ");
                    }
                    out.add(row.toString());
                }
            }
            return out;
        });
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
