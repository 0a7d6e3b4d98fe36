package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kanzen library add --chapters}: how a bare number in a series folder is read. */
class CliLibraryKindTest {
    @TempDir
    Path tmp;

    @Test
    void a_library_holds_volumes_unless_it_is_added_with_chapters() throws Exception {
        for (String kind : new String[] {"volumes", "chapters"}) {
            Path series = Files.createDirectories(tmp.resolve(kind + "/Berserk"));
            Files.createFile(series.resolve("Berserk 05.cbz"));
            Files.createFile(series.resolve("Berserk - 06.cbz"));
        }
        try (Console console = new Console(tmp.resolve("data"))) {
            assertThat(console.run("library", "add", "Volumes", tmp.resolve("volumes").toString())).isZero();
            assertThat(console.run("library", "add", "Scans", tmp.resolve("chapters").toString(), "--chapters")).isZero();
            assertThat(console.stdout()).contains("(chapters)");
            assertThat(console.run("scan")).isZero();

            assertThat(console.run("series", "--json")).isZero();
            JsonNode volumes = null, chapters = null;
            for (String line : console.stdout().strip().split("\n")) {
                JsonNode s = Json.MAPPER.readTree(line);
                if (s.get("library").asText().equals("Volumes")) {
                    volumes = s;
                } else {
                    chapters = s;
                }
            }
            assertThat(volumes.get("volumes").toString()).isEqualTo("[[5,6]]");
            assertThat(chapters.get("volumes").toString()).isEqualTo("[]");
        }
    }
}
