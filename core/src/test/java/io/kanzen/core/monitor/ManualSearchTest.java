package io.kanzen.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.Rejection;
import io.kanzen.api.scoring.RejectionReason;
import io.kanzen.core.JudgedRelease;
import io.kanzen.core.JudgedSearch;
import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manual search judged as a check would judge it, over a real SQLite file and a library on disk. */
class ManualSearchTest {
    @TempDir
    Path tmp;
    private final FakePeers peers = new FakePeers();
    private Kanzen kanzen;

    @BeforeEach
    void library() throws Exception {
        Path root = tmp.resolve("manga");
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "One Piece/One Piece T04.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).clock(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC))
                .classpathPlugins(false).plugin(peers).build();
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveSource("meta", "meta", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        kanzen.saveMonitorConfig(new MonitorConfig(true, "6h", true, false, List.of(), null, "vf", "fr", List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"),
                false, 0, 24));
    }

    @AfterEach
    void close() {
        kanzen.close();
    }

    private static JudgedRelease titled(JudgedSearch s, String title) {
        return s.releases().stream().filter(r -> r.release().title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void each_release_is_judged_for_the_series_the_title_names_and_owned_volumes_are_marked() {
        peers.releasesByTitle.put("one piece", List.of("One Piece Tome 03 FR CBZ", "One Piece Tome 04 FR CBZ", "One Piece Tome 03 (VO) ENG"));

        JudgedSearch s = kanzen.searchJudged("one piece", null, List.of());

        assertThat(s.seriesTitle()).isEqualTo("One Piece");
        assertThat(s.seriesId()).isNotNull();
        JudgedRelease wanted = titled(s, "One Piece Tome 03 FR CBZ");
        assertThat(wanted.decision().accepted()).isTrue();
        assertThat(wanted.decision().score().total()).isPositive();
        assertThat(wanted.release().parsed().volume()).isEqualTo(VolumeRange.of(3));
        assertThat(wanted.language()).isEqualTo("fr");
        assertThat(wanted.edition()).isEqualTo("regular");
        assertThat(wanted.owned()).isEmpty();
        assertThat(wanted.held()).isFalse();
        JudgedRelease owned = titled(s, "One Piece Tome 04 FR CBZ");
        assertThat(owned.owned()).containsExactly(4);
        assertThat(owned.decision().accepted()).isFalse();
        JudgedRelease english = titled(s, "One Piece Tome 03 (VO) ENG");
        assertThat(english.decision().rejections()).extracting(Rejection::reason).contains(RejectionReason.LANGUAGE);
        assertThat(peers.metadataAsked.get()).as("a manual search fetches no metadata").isZero();
    }

    @Test
    void a_volume_sent_already_is_marked_held_and_the_engine_says_why_it_would_not_send_it() {
        peers.releasesByTitle.put("One Piece", List.of("One Piece Tome 03 FR CBZ", "One Piece T03 FR (autre team) CBZ"));
        kanzen.grab("client", FakePeers.magnet("One Piece Tome 03 FR CBZ"), "One Piece", VolumeRange.of(3));

        JudgedSearch s = kanzen.searchJudged("One Piece", VolumeRange.of(3), List.of("releases"));

        JudgedRelease same = titled(s, "One Piece Tome 03 FR CBZ");
        assertThat(same.held()).isTrue();
        assertThat(same.decision().rejections()).extracting(Rejection::reason).contains(RejectionReason.ALREADY_GRABBED);
        JudgedRelease other = titled(s, "One Piece T03 FR (autre team) CBZ");
        assertThat(other.held()).as("its volume is held by the other release").isTrue();
        assertThat(other.decision().rejections()).extracting(Rejection::reason).contains(RejectionReason.ALREADY_QUEUED);
    }

    @Test
    void a_title_that_names_no_library_series_is_read_but_not_judged() {
        peers.releasesByTitle.put("Dandadan", List.of("Dandadan Tome 05 FR Perfect Edition CBZ"));

        JudgedSearch s = kanzen.searchJudged("Dandadan", null, List.of());

        assertThat(s.seriesId()).isNull();
        JudgedRelease r = s.releases().get(0);
        assertThat(r.decision()).isNull();
        assertThat(r.language()).isEqualTo("fr");
        assertThat(r.edition()).isEqualTo("perfect");
        assertThat(r.release().parsed().volume()).isEqualTo(VolumeRange.of(5));
    }

    @Test
    void a_failing_source_is_a_problem_and_the_search_answers_nothing_rather_than_old_results() {
        peers.releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        peers.sourceFailure = new PluginException(ErrorKind.UNAVAILABLE, "the indexer did not answer");

        JudgedSearch s = kanzen.searchJudged("Berserk", null, List.of("releases"));

        assertThat(s.releases()).isEmpty();
        assertThat(s.problems()).containsKey("releases");
        assertThat(s.problems().get("releases")).contains("did not answer");
        assertThat(s.typedProblems()).extracting(io.kanzen.core.Problem::code).containsExactly("plugin.unavailable"); // for the UI to say it in French
    }

    @Test
    void only_the_sources_that_find_releases_are_offered_for_a_manual_search() {
        assertThat(kanzen.releaseSources()).containsExactly("releases");
    }
}
