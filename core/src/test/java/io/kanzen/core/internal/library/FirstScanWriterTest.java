package io.kanzen.core.internal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ParsedName;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Library;
import io.kanzen.core.internal.parse.FileNameParser;
import io.kanzen.core.internal.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer of a first scan, on a real SQLite file, fed by hand as the walk feeds it. */
class FirstScanWriterTest {
    @TempDir
    Path tmp;

    private Database db;
    private Library library;
    private final FileNameParser parser = new FileNameParser();

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("data"));
        library = new LibraryStore(db).add("Manga", tmp.resolve("manga"), Instant.now());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void each_series_folder_is_committed_with_its_folders_once_enough_rows_wait() {
        FirstScanWriter writer = new FirstScanWriter(db, library.id(), 3);
        writer.start(null, Set.of());

        writer.add(series("Akira", "Akira T01.cbz", "Akira T02.cbz"));
        assertThat(rows()).as("two rows wait for a third").isZero();
        writer.add(series("Berserk", "Berserk T01.cbz"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rows() == 3);
        assertThat(folders()).containsExactlyInAnyOrder("Akira", "Berserk");
        writer.add(series("Monster", "Monster T01.cbz"));

        assertThat(writer.finish().written()).containsExactlyInAnyOrder("Akira", "Berserk", "Monster");
        assertThat(rows()).isEqualTo(4);
        assertThat(folders()).containsExactlyInAnyOrder("Akira", "Berserk", "Monster");
    }

    @Test
    void a_series_also_named_by_loose_files_at_the_root_is_left_to_the_scans_last_transaction() {
        FirstScanWriter writer = new FirstScanWriter(db, library.id(), 1);
        writer.start(CompletableFuture.completedFuture(List.of(parsed(null, "akira - Tome 09.cbz"))), Set.of());

        writer.add(series("Akira", "Akira T01.cbz", "Akira Artbook.cbz"));
        writer.add(series("Berserk", "Berserk T01.cbz", "Berserk.cbz"));

        FirstScanWriter.Result result = writer.finish();
        assertThat(result.written()).containsExactly("Berserk");
        assertThat(result.heldBack()).extracting(f -> f.file().path()).containsExactly("Akira/Akira T01.cbz", "Akira/Akira Artbook.cbz");
        assertThat(result.unnumbered()).as("held back or written, a file with no number is told").containsExactly("Berserk/Berserk.cbz");
        assertThat(rows()).isEqualTo(2);
        assertThat(folders()).containsExactly("Berserk");
    }

    @Test
    void series_folders_sharing_one_title_are_left_to_the_scans_last_transaction() {
        FirstScanWriter writer = new FirstScanWriter(db, library.id(), 1);
        writer.start(null, Set.of(TitleKey.of("Akira")));

        writer.add(series("Akira", "Akira T01.cbz"));
        writer.add(series("Berserk", "Berserk T01.cbz"));
        writer.add(series("akira", "akira T02.cbz"));

        FirstScanWriter.Result result = writer.finish();
        assertThat(result.written()).containsExactly("Berserk");
        assertThat(result.heldBack()).extracting(f -> f.file().path()).containsExactly("Akira/Akira T01.cbz", "akira/akira T02.cbz");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void a_failed_write_is_what_finish_throws_and_the_series_written_before_it_stay() {
        FirstScanWriter writer = new FirstScanWriter(db, library.id(), 1);
        writer.start(null, Set.of());
        writer.add(series("Akira", "Akira T01.cbz"));
        SeenFile noPath = new SeenFile(null, "Berserk T01.cbz", "Berserk", 1, 1); // NOT NULL fails in the database
        writer.add(new FirstScanWriter.SeriesFolder("Berserk", List.of(CompletableFuture.completedFuture(
                List.of(new ParsedFile(noPath, parser.parse("Berserk T01.cbz"))))), List.of(new ScannedFolders.Folder("Berserk", null, 1))));
        writer.add(series("Monster", "Monster T01.cbz"));

        assertThatThrownBy(writer::finish).isInstanceOf(KanzenException.class).hasMessageContaining("database write failed");
        assertThat(rows()).isEqualTo(1);
        assertThat(folders()).containsExactly("Akira");
    }

    @Test
    void a_name_that_could_not_be_read_is_what_finish_throws() {
        FirstScanWriter writer = new FirstScanWriter(db, library.id(), 1);
        writer.start(null, Set.of());
        writer.add(new FirstScanWriter.SeriesFolder("Akira", List.of(CompletableFuture.failedFuture(new IllegalStateException("parser broke"))),
                List.of()));

        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessage("parser broke");
        assertThat(rows()).isZero();
    }

    @Test
    void an_abandoned_writer_writes_nothing_more() throws Exception {
        FirstScanWriter writer = new FirstScanWriter(db, library.id(), 100);
        writer.start(null, Set.of());
        writer.add(series("Akira", "Akira T01.cbz"));

        writer.abandon();

        Thread.sleep(200); // what it would have written by now, had it not stopped
        assertThat(rows()).isZero();
        assertThat(folders()).isEmpty();
    }

    @Test
    void a_writer_never_started_has_written_nothing() {
        assertThat(new FirstScanWriter(db, library.id(), 1).finish()).isEqualTo(new FirstScanWriter.Result(Set.of(), List.of(), List.of()));
    }

    private FirstScanWriter.SeriesFolder series(String folder, String... names) {
        List<ParsedFile> files = new ArrayList<>();
        for (String name : names) {
            files.add(parsed(folder, name));
        }
        Future<List<ParsedFile>> read = CompletableFuture.completedFuture(files);
        return new FirstScanWriter.SeriesFolder(folder, List.of(read), List.of(new ScannedFolders.Folder(folder, "stamp", names.length)));
    }

    private ParsedFile parsed(String folder, String name) {
        ParsedName n = parser.parse(name);
        return new ParsedFile(new SeenFile(folder == null ? name : folder + "/" + name, name, folder, 10, 1_000), n);
    }

    private int rows() {
        return db.read(c -> {
            try (var r = c.createStatement().executeQuery("SELECT count(*) FROM volume_file")) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private List<String> folders() {
        return RecordedFolders.in(db);
    }
}
