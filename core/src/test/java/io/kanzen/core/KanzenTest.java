package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KanzenTest {
    @TempDir
    Path tmp;

    @Test
    void a_library_added_and_scanned_through_the_facade_shows_its_missing_volumes() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("manga/Pluto"));
        for (String f : new String[] {"Pluto T02.cbz", "Pluto T03.cbz", "Pluto T06.cbz"}) {
            Files.createFile(root.resolve(f));
        }
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build()) {
            kanzen.addLibrary("Manga", tmp.resolve("manga"));
            kanzen.scan(null);

            assertThat(kanzen.missing()).singleElement().satisfies(m -> {
                assertThat(m.title()).isEqualTo("Pluto");
                assertThat(m.missing()).containsExactly(1, 4, 5);
                assertThat(m.highestOwned()).isEqualTo(6);
            });
        }
        assertThat(tmp.resolve("data/manga_library.db")).exists();
        assertThat(tmp.resolve("data/encryption_key")).exists();
    }

    @Test
    void an_embedder_registers_a_plugin_object_directly() {
        Plugin mine = new Plugin() {
            public String name() {
                return "mine";
            }

            public String spiVersion() {
                return SpiVersion.CURRENT;
            }
        };
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).classpathPlugins(false).plugin(mine).build()) {
            assertThat(kanzen.plugins()).extracting(LoadedPlugin::name).containsExactly("mine");
        }
    }

    @Test
    void a_library_folder_that_does_not_exist_is_refused_with_its_path() {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build()) {
            assertThatThrownBy(() -> kanzen.addLibrary("Manga", tmp.resolve("nope")))
                    .isInstanceOf(KanzenException.class)
                    .hasMessageContaining("nope").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> kanzen.scan("Nope")).hasMessage("no library named 'Nope'");
        }
    }

    @Test
    void plugin_contexts_have_their_own_work_folder_and_secret_scope() {
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build()) {
            var ebdz = kanzen.pluginContext("ebdz");
            ebdz.secrets().put("cookie", "abc");

            assertThat(ebdz.workDirectory()).isDirectory().endsWith(Path.of("plugins", "ebdz"));
            assertThat(kanzen.pluginContext("prowlarr").secrets().get("cookie")).isEmpty();
            assertThat(kanzen.pluginContext("ebdz").secrets().get("cookie")).contains("abc");
        }
    }
}
