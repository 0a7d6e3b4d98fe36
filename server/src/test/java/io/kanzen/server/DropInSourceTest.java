package io.kanzen.server;

import io.kanzen.testkit.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.Release;
import io.kanzen.core.Kanzen;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginOrigin;
import io.kanzen.core.SearchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source JAR dropped in plugins/ appears and works without rebuilding anything: the plugin JARs the build makes
 * (target/*-plugin.jar) are loaded in their own class loaders, with only the SPI shared, by a Kanzen that has no
 * plugin on its class path.
 */
class DropInSourceTest {
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();

    private Kanzen kanzen(Path plugins) {
        return Kanzen.builder().dataDirectory(tmp.resolve("data")).classpathPlugins(false).pluginsDirectory(plugins).build();
    }

    @Test
    void the_prowlarr_jar_dropped_in_plugins_appears_and_searches_with_its_own_libraries() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (Kanzen before = kanzen(plugins)) {
            assertThat(before.plugins()).extracting(LoadedPlugin::name).doesNotContain("prowlarr");
        }
        Files.copy(Path.of(System.getProperty("kanzen.plugin.prowlarr")), plugins.resolve("prowlarr.jar"));
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(fixture()).build());

        try (Kanzen after = kanzen(plugins)) {
            assertThat(after.plugins()).filteredOn(p -> p.name().equals("prowlarr")).singleElement()
                    .satisfies(p -> {
                        assertThat(p.origin()).isEqualTo(PluginOrigin.DROP_IN);
                        // the shaded drop-in JAR kept the manifest the parent POM writes
                        assertThat(p.manifest().version()).isNotBlank();
                        assertThat(p.manifest().description()).contains("Prowlarr");
                        // the parent POM's kanzen.spi.range follows SpiVersion.CURRENT up to the next major
                        assertThat(p.manifest().spiRange()).startsWith("[" + io.kanzen.api.SpiVersion.CURRENT + ",");
                        assertThat(p.kinds()).containsExactly("source:prowlarr");
                    });
            after.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
            SearchResults found = after.search("One Piece", null, "prowlarr");
            assertThat(found.problems()).isEmpty();
            assertThat(found.releases()).extracting(Release::title).contains("One Piece Tome 100 FR CBZ"); // Jackson from the JAR
            // the host's parser reached the isolated plugin through the SPI
            assertThat(found.releases().get(0).parsed().series()).isEqualTo("One Piece");
        }
    }

    @Test
    void the_ebdz_jar_opens_its_own_sqlite_index_beside_the_hosts_database() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("kanzen.plugin.ebdz")), plugins.resolve("ebdz.jar"));
        try (Kanzen kanzen = kanzen(plugins)) {
            kanzen.saveSource("ebdz", "ebdz", Map.of("username", "u", "password", "p", "forums", "12"));
            assertThat(kanzen.search("One Piece", null, "ebdz").releases()).isEmpty(); // an empty index, no network
            assertThat(kanzen.dataDirectory().resolve("plugins/source-ebdz/ebdz-index.db")).exists();
        }
    }

    private static String fixture() {
        return Fixtures.text("prowlarr/search_one_piece_tome_100.json");
    }

}
