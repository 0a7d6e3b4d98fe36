package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliPluginsTest {
    @TempDir
    Path tmp;

    /** A drop-in JAR with a manifest whose service file names a class it does not hold. */
    private Path brokenDropIn(Path plugins) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
        m.getMainAttributes().putValue("Kanzen-Spi-Range", "[7,8)");
        Path jar = plugins.resolve("broken.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, m)) {
            out.putNextEntry(new JarEntry("META-INF/services/io.kanzen.api.Plugin"));
            out.write("com.example.Missing\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void pluginsListsTheBundledOnesWithWhatTheyMakeAndASkippedJarWithItsReasonAndVersion() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        brokenDropIn(plugins);
        try (Console console = new Console(tmp.resolve("data"))) {
            assertThat(console.run("--plugins-dir", plugins.toString(), "plugins")).isZero();
            String table = console.stdout();
            assertThat(table.lines().findFirst().orElseThrow()).startsWith("NAME").contains("VERSION", "KINDS", "STATUS");
            assertThat(table).containsPattern("torznab +\\S+ +source:torznab +loaded \\(classpath\\)");
            assertThat(table).containsPattern("anilist +\\S+ +source:anilist +loaded");
            assertThat(table).containsPattern("notifier:discord");
            assertThat(table).containsPattern("- +9\\.9\\.9 +- +skipped: .*broken\\.jar: cannot load: .*com\\.example\\.Missing");

            assertThat(console.run("--plugins-dir", plugins.toString(), "plugins", "--json")).isZero();
            JsonNode json = Json.MAPPER.readTree(console.stdout());
            assertThat(json.path("loaded").findValuesAsText("name")).contains("prowlarr", "torznab", "anilist", "qbittorrent");
            JsonNode skipped = json.path("skipped").get(0);
            assertThat(skipped.path("status").asText()).isEqualTo("skipped");
            assertThat(skipped.path("version").asText()).isEqualTo("9.9.9");
            assertThat(skipped.path("spi_range").asText()).isEqualTo("[7,8)");
            assertThat(skipped.path("reason").asText()).contains("com.example.Missing");
        }
    }
}
