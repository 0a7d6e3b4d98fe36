package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scorer plugins in the decisions: the bundled filter rules set from the CLI, and a scorer dropped in as a JAR. */
class CliScorerTest {
    private static final String GLENAT = "One Piece - Tome 100 - Le Haki des rois (Glénat) [CBZ] [FR]";
    private static final String PLAIN = "One Piece Tome 100 FR CBZ";

    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    @TempDir
    Path tmp;
    private Console console;
    private Path plugins;

    @BeforeEach
    void oneSeriesMissingVolume100() throws IOException {
        console = new Console(tmp.resolve("data"));
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        for (int v : new int[] {98, 99, 101}) {
            Files.write(series.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        run("library", "add", "Manga", tmp.resolve("manga").toString());
        run("scan");
        run("sources", "add", "prowlarr", "--set", "url=" + prowlarr.url("/"), "--set", "apiKey=k");
    }

    @AfterEach
    void restore() {
        console.close();
    }

    @Test
    void aFilterRuleSetFromTheCommandLineTurnsAReleaseDownWithItsReason() {
        assertThat(run("scorers", "list")).isZero();
        assertThat(console.stdout()).as("the bundled rules need no setting: enabled when first found").contains("filters (filters)");
        answerOnce();
        assertThat(run("check", "--dry-run")).isZero();
        assertThat(console.stdout()).contains("would grab  " + GLENAT);

        assertThat(run("scorers", "add", "filters", "--set", "reject=\\(gl[ée]nat\\)")).isZero();
        answerOnce();
        assertThat(run("check", "--dry-run")).isZero();

        assertThat(console.stdout()).contains("rejected " + GLENAT + ": [SCORER] filters: the title matches the refused pattern")
                .contains("would grab  " + PLAIN);
    }

    @Test
    void aBadRuleIsRefusedWhenItIsSetNotAtTheNextCheck() {
        assertThat(run("scorers", "add", "filters", "--set", "reject=(unclosed")).isEqualTo(1);
        assertThat(console.stderr()).contains("not a valid regular expression").doesNotContain("Exception");
    }

    @Test
    void aDroppedInScorerChangesTheDecisionAndItsPartIsShown() throws Exception {
        dropInUnderdogScorer();
        answerOnce();
        assertThat(run("--plugins-dir", plugins.toString(), "check", "--dry-run", "--all-candidates")).isZero();

        // the underdog scorer gives 100 minus the seeders: 42 seeders beat 118
        assertThat(console.stdout()).contains("would grab  " + PLAIN).contains("underdog: fewer-seeders +58 (42 seeders)")
                .contains("accepted, not chosen  " + GLENAT);
        assertThat(run("--plugins-dir", plugins.toString(), "scorers", "list")).isZero();
        assertThat(console.stdout()).contains("underdog (underdog)");
    }

    private void answerOnce() {
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Fixtures.text("prowlarr/search_one_piece_tome_100.json")).build());
    }

    private int run(String... args) {
        return console.run(args);
    }

    /** A scorer plugin written as an outside author would, compiled and packed into a JAR in the plugins folder. */
    private void dropInUnderdogScorer() throws IOException {
        String source = """
                package org.example.underdog;

                import io.kanzen.api.*;
                import io.kanzen.api.scoring.*;
                import java.util.List;

                public final class UnderdogPlugin implements Plugin {
                    public String name() { return "underdog"; }
                    public String spiVersion() { return SpiVersion.CURRENT; }
                    public List<ScorerFactory> scorerFactories() {
                        return List.of(new ScorerFactory() {
                            public String name() { return "underdog"; }
                            public List<ConfigProperty> configProperties() { return List.of(); }
                            public Scorer create(PluginConfig config) {
                                return (release, wanted) -> release.seeders() == null ? Score.of(List.of())
                                        : Score.of(List.of(new ScoreComponent("fewer-seeders", 100 - release.seeders(), release.seeders() + " seeders")));
                            }
                        });
                    }
                }
                """;
        Path src = Files.createDirectories(tmp.resolve("underdog-src/org/example/underdog"));
        Files.writeString(src.resolve("UnderdogPlugin.java"), source);
        Path classes = Files.createDirectories(tmp.resolve("underdog-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17",
                src.resolve("UnderdogPlugin.java").toString()));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, System.err, args.toArray(String[]::new))).isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plugins.resolve("underdog.jar"))); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.kanzen.api.Plugin"));
            out.write("org.example.underdog.UnderdogPlugin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
