package io.kanzen.core.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.Release;
import io.kanzen.api.SpiVersion;
import io.kanzen.core.CheckReport;
import io.kanzen.core.CheckRun;
import io.kanzen.core.Health;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.PluginCall;
import io.kanzen.core.SearchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three drop-in source JARs compiled here: one that answers, one that hangs (ignoring interruption, the worst
 * kind) and one that throws what a careless plugin throws. The host must bound and isolate them.
 */
class MisbehavingPluginTest {
    @TempDir
    static Path jars;
    private static Path plugins;
    @TempDir
    Path tmp;
    private Kanzen kanzen;

    @BeforeAll
    static void jars() throws Exception {
        plugins = Files.createDirectories(jars.resolve("plugins"));
        PluginJar.build(plugins, "good.jar", "com.example.good.Good\n", "com.example.good.Good", plugin("com.example.good", "Good", "good",
                "return List.of(new Release(\"good\", q.query() + \" Tome 02 FR CBZ\", \"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\","
                        + " LinkKind.MAGNET, 50000000, 10, 1, null, null, null, \"x\", \"torrent\", null));"));
        PluginJar.build(plugins, "hang.jar", "com.example.hang.Hang\n", "com.example.hang.Hang", plugin("com.example.hang", "Hang", "hang",
                "while (true) { try { Thread.sleep(60_000); } catch (InterruptedException ignored) { /* a plugin that will not stop */ } }"));
        PluginJar.build(plugins, "throw.jar", "com.example.boom.Boom\n", "com.example.boom.Boom", plugin("com.example.boom", "Boom", "throw",
                "if (q.query().contains(\"link\")) { throw new NoSuchMethodError(\"api.Old.call()\"); }"
                        + " throw new IllegalStateException(\"boom\");"));
    }

    @BeforeEach
    void library() throws Exception {
        Path manga = tmp.resolve("manga/One Piece");
        Files.createDirectories(manga);
        Files.write(manga.resolve("One Piece T01.cbz"), new byte[] {1});
        Files.write(manga.resolve("One Piece T03.cbz"), new byte[] {1});
        kanzen = open(Duration.ofHours(2));
    }

    private Kanzen open(Duration checkDeadline) {
        Kanzen k = Kanzen.builder().dataDirectory(tmp.resolve("data")).classpathPlugins(false).pluginsDirectory(plugins).checkDeadline(checkDeadline)
                .build();
        if (k.sources().isEmpty()) {
            k.addLibrary("Manga", tmp.resolve("manga"));
            k.scan(null);
            for (String name : List.of("good", "hang", "throw")) {
                k.saveSource(name, name, Map.of());
            }
            k.setSourceDeadline("hang", PluginCall.SEARCH, Duration.ofSeconds(1));
        }
        return k;
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    @Test
    void a_search_shows_the_working_sources_results_and_names_the_hanging_and_the_throwing_one() {
        long start = System.nanoTime();
        SearchResults found = kanzen.search("One Piece", null, null);

        assertThat(found.releases()).extracting(Release::title).containsExactly("One Piece Tome 02 FR CBZ");
        assertThat(found.problems()).containsOnlyKeys("hang", "throw");
        assertThat(found.problems().get("hang")).contains("no answer within 1 s (search)");
        assertThat(found.problems().get("throw")).contains("IllegalStateException: boom");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // a linkage error (a plugin built against another API) is the plugin's failure too, not the host's
        assertThat(kanzen.search("missing link", null, "throw").problems().get("throw")).contains("NoSuchMethodError");
    }

    @Test
    void a_hung_instance_is_abandoned_and_made_again_on_next_use() throws Exception {
        kanzen.search("One Piece", null, null);
        kanzen.search("One Piece", null, null);

        // each instance writes a line in its work folder when it is made
        assertThat(Files.readAllLines(kanzen.dataDirectory().resolve("plugins/source-hang/made"))).hasSize(2);
        assertThat(Files.readAllLines(kanzen.dataDirectory().resolve("plugins/source-good/made"))).hasSize(1);
    }

    @Test
    void a_deadline_is_a_host_setting_of_the_instance_that_survives_a_restart() {
        assertThat(kanzen.sourceDeadlines("hang")).containsEntry(PluginCall.SEARCH, Duration.ofSeconds(1))
                .containsEntry(PluginCall.METADATA, Duration.ofSeconds(60));
        kanzen.close();
        kanzen = open(Duration.ofHours(2));
        assertThat(kanzen.sourceDeadlines("hang")).containsEntry(PluginCall.SEARCH, Duration.ofSeconds(1));
        assertThat(kanzen.sources()).filteredOn(s -> s.name().equals("hang")).singleElement()
                .satisfies(s -> assertThat(s.settings()).isEmpty()); // never mixed into the plugin's own settings
        assertThatThrownBy(() -> kanzen.setSourceDeadline("hang", PluginCall.SEARCH, Duration.ZERO)).isInstanceOf(KanzenException.class);
    }

    @Test
    void a_check_goes_on_past_the_failing_sources_records_them_and_health_says_degraded() {
        CheckReport report = kanzen.check(true, null);

        assertThat(report.series()).singleElement().satisfies(s -> {
            assertThat(s.decisions()).extracting(d -> d.release().source()).containsExactly("good");
            assertThat(s.problems()).anySatisfy(p -> assertThat(p.message()).startsWith("hang: no answer within 1 s"))
                    .anySatisfy(p -> assertThat(p.message()).startsWith("throw: search failed inside the plugin: IllegalStateException"));
        });
        assertThat(kanzen.history(false, 10)).filteredOn(e -> e.kind() == HistoryEvent.Kind.FAILURE).extracting(HistoryEvent::source)
                .contains("hang", "throw");
        Health health = kanzen.health();
        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.reasons()).anySatisfy(r -> assertThat(r).startsWith("source hang is backed off"))
                .anySatisfy(r -> assertThat(r).startsWith("source throw is backed off"));
        assertThat(kanzen.lastCheck()).hasValueSatisfying(run -> {
            assertThat(run.failed()).isFalse();
            assertThat(run.found()).isEqualTo(1);
            assertThat(run.problems()).anySatisfy(p -> {
                assertThat(p.message()).startsWith("One Piece: hang: no answer");
                assertThat(p.code()).startsWith("plugin.");
                assertThat(p.params()).containsEntry("series", "One Piece").containsEntry("name", "hang");
            });
        });
    }

    @Test
    void a_check_past_its_deadline_is_stopped_recorded_as_failed_and_the_next_one_can_run() throws Exception {
        kanzen.setSourceDeadline("hang", PluginCall.SEARCH, Duration.ofMinutes(10)); // the plugin call alone would wedge the check
        kanzen.close();
        kanzen = open(Duration.ofSeconds(2));

        long start = System.nanoTime();
        assertThatThrownBy(() -> kanzen.check(false, null)).isInstanceOf(KanzenException.class).hasMessageContaining("deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));

        CheckRun last = kanzen.lastCheck().orElseThrow();
        assertThat(last.failed()).isTrue();
        assertThat(last.error()).contains("deadline");
        assertThat(kanzen.history(false, 10)).anySatisfy(e -> assertThat(e.message()).startsWith("check failed: the check passed its deadline"));
        assertThat(kanzen.health().reasons()).anySatisfy(r -> assertThat(r).contains("the last check").contains("failed"));

        kanzen.setSourceDeadline("hang", PluginCall.SEARCH, Duration.ofMillis(200));
        for (int i = 0; i < 100 && kanzen.checkRunning(); i++) {
            Thread.sleep(100);
        }
        assertThat(kanzen.checkRunning()).isFalse();
        CheckReport next = kanzen.check(false, null); // the stopped check let go of everything
        assertThat(next.series()).hasSize(1);
        assertThat(kanzen.lastCheck().orElseThrow().failed()).isFalse();
    }

    @Test
    void asking_for_a_check_while_one_runs_answers_with_the_running_one() {
        kanzen.setSourceDeadline("hang", PluginCall.SEARCH, Duration.ofSeconds(2));
        CompletableFuture<CheckReport> first = kanzen.checkNow();
        CompletableFuture<CheckReport> second = kanzen.checkNow();

        assertThat(second).isSameAs(first);
        assertThat(kanzen.check(false, null)).isSameAs(first.join());
    }

    /** A plugin with one source factory whose search runs {@code searchBody} (with {@code q} the request). */
    private static String plugin(String pkg, String cls, String name, String searchBody) {
        return "package " + pkg + ";\n"
                + "import io.kanzen.api.*; import io.kanzen.api.source.*; import java.util.*; import java.nio.file.*;\n"
                + "public class " + cls + " implements Plugin {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String spiVersion() { return \"" + SpiVersion.CURRENT + "\"; }\n"
                + "  public List<SourceFactory> sourceFactories() { return List.of(new SourceFactory() {\n"
                + "    public String name() { return \"" + name + "\"; }\n"
                + "    public List<ConfigProperty> configProperties() { return List.of(); }\n"
                + "    public Source create(PluginConfig c, PluginContext ctx) {\n"
                + "      try { Files.writeString(ctx.workDirectory().resolve(\"made\"), \"made\\n\", StandardOpenOption.CREATE, StandardOpenOption.APPEND); }"
                + "      catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
                + "      return new Source() {\n"
                + "      public Set<SourceCapability> capabilities() { return Set.of(SourceCapability.SEARCH_RELEASES); }\n"
                + "      public List<Release> search(SearchRequest q) { " + searchBody + " }\n"
                + "      public void checkConnection() {}\n"
                + "    }; }\n"
                + "  }); }\n"
                + "}\n";
    }
}
