package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.VolumeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryEditTest {
    @TempDir
    Path tmp;

    private Kanzen open() {
        return Kanzen.builder().dataDirectory(tmp.resolve("data")).classpathPlugins(false).build();
    }

    private static void files(Path folder, String... names) throws Exception {
        Files.createDirectories(folder);
        for (String n : names) {
            Files.createFile(folder.resolve(n));
        }
    }

    @Test
    void aLibraryMovedToAnotherFolderKeepsItsSeriesAndTheirSettings() throws Exception {
        files(tmp.resolve("old/Pluto"), "Pluto T01.cbz", "Pluto T03.cbz");
        try (Kanzen kanzen = open()) {
            kanzen.addLibrary("Manga", tmp.resolve("old"));
            kanzen.scan("Manga");
            long id = kanzen.series().get(0).id();
            kanzen.saveSeriesSettings(id, kanzen.seriesSettings(id).withEnabled(false));
            Files.move(tmp.resolve("old"), tmp.resolve("new"));

            Library moved = kanzen.editLibrary("manga", "Mangas", tmp.resolve("new"), false);
            ScanReport report = kanzen.scan("Mangas").get(0);

            assertThat(moved.name()).isEqualTo("Mangas");
            assertThat(moved.root()).isEqualTo(tmp.resolve("new").toRealPath());
            assertThat(kanzen.libraries()).singleElement().extracting(Library::name).isEqualTo("Mangas");
            assertThat(report.added()).isZero();
            assertThat(report.removed()).isZero();
            assertThat(kanzen.series()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(id);
                assertThat(s.library()).isEqualTo("Mangas");
            });
            assertThat(kanzen.seriesSettings(id).enabled()).isFalse();
        }
    }

    @Test
    void turningALibraryChapterBasedReadsItsFilesAgainAtTheNextScan() throws Exception {
        files(tmp.resolve("manga/Berserk"), "Berserk 05.cbz");
        // folders left alone for an hour: a scan would not list them again, were it not for the new rule
        for (Path folder : new Path[] {tmp.resolve("manga"), tmp.resolve("manga/Berserk")}) {
            Files.setLastModifiedTime(folder, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        }
        try (Kanzen kanzen = open()) {
            kanzen.addLibrary("Manga", tmp.resolve("manga"));
            kanzen.scan(null);
            assertThat(kanzen.series().get(0).volumes()).containsExactly(VolumeRange.of(5));

            Library edited = kanzen.editLibrary("Manga", "Manga", tmp.resolve("manga"), true);
            ScanReport report = kanzen.scan("Manga").get(0);

            assertThat(edited.chapterBased()).isTrue();
            assertThat(report.changed()).isEqualTo(1);
            assertThat(kanzen.series().get(0).volumes()).isEmpty();
        }
    }

    @Test
    void anEditThatWouldClashWithAnotherLibraryIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        files(tmp.resolve("a/X"), "X T01.cbz");
        files(tmp.resolve("b/Y"), "Y T01.cbz");
        try (Kanzen kanzen = open()) {
            kanzen.addLibrary("A", tmp.resolve("a"));
            kanzen.addLibrary("B", tmp.resolve("b"));

            assertThatThrownBy(() -> kanzen.editLibrary("B", "a", tmp.resolve("b"), false))
                    .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                        assertThat(e.field()).isEqualTo("name");
                        assertThat(e.code()).isEqualTo("library.exists");
                    })
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> kanzen.editLibrary("B", "B", tmp.resolve("a/X"), false))
                    .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                        assertThat(e.field()).isEqualTo("path");
                        assertThat(e.code()).isEqualTo("library.overlaps");
                    })
                    .hasMessageContaining("overlaps the library 'A'");
            assertThatThrownBy(() -> kanzen.editLibrary("B", "B", Path.of("relative"), false))
                    .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.code()).isEqualTo("library.pathNotAbsolute"));
            assertThatThrownBy(() -> kanzen.editLibrary("C", "C", tmp.resolve("b"), false)).hasMessage("no library named 'C'")
                    .isInstanceOfSatisfying(KanzenException.class, e -> assertThat(e.code()).isEqualTo("library.notFound"));

            assertThat(kanzen.library("B")).get().satisfies(b -> {
                assertThat(b.name()).isEqualTo("B");
                assertThat(b.root().toString()).endsWith("b");
            });
        }
    }
}
