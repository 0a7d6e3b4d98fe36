package io.kanzen.cli;

import io.kanzen.testkit.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.testkit.daemon.LocalDaemon;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kanzen sources} and {@code kanzen search} against a Prowlarr served from fixtures. */
class CliSearchTest {
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    @TempDir
    Path tmp;
    private Console console;

    @BeforeEach
    void capture() {
        console = new Console(tmp.resolve("data"));
    }

    @AfterEach
    void restore() {
        console.close();
    }

    @Test
    void a_search_prints_the_releases_covering_the_volume_first_with_the_volume_read_from_each_title() throws Exception {
        assertThat(run("sources", "add", "prowlarr", "--set", "url=" + prowlarr.url("/"), "--set", "apiKey=secret-key-123")).isZero();
        assertThat(stdout()).contains("apiKey=****").doesNotContain("secret-key-123");
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(fixture()).build());

        assertThat(run("search", "One Piece", "--volume", "100", "--source", "prowlarr")).isZero();

        String[] lines = stdout().strip().split("\n");
        assertThat(lines).hasSize(3); // the usenet result is left out
        assertThat(lines[0]).contains("T100").contains("118 seeders").contains("Le Haki des rois");
        assertThat(lines[1]).contains("T100").contains("42 seeders").contains("One Piece Tome 100 FR CBZ");
        assertThat(lines[2]).contains("T1-100").contains("Intégrale");
        assertThat(prowlarr.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("secret-key-123");
    }

    @Test
    void a_source_that_is_down_is_named_in_one_line_and_the_exit_code_says_so() {
        run("sources", "add", "prowlarr", "--set", "url=http://127.0.0.1:" + LocalDaemon.freePort(), "--set", "apiKey=k");
        assertThat(run("search", "One Piece")).isEqualTo(1);
        assertThat(console.stderr().strip()).startsWith("kanzen: prowlarr: Prowlarr does not answer").doesNotContain("Exception");
    }

    @Test
    void a_sources_deadline_is_shown_set_and_reset_and_a_bad_one_is_refused_in_words() {
        run("sources", "add", "prowlarr", "--set", "url=http://127.0.0.1:" + LocalDaemon.freePort(), "--set", "apiKey=k");

        assertThat(run("sources", "deadline", "prowlarr", "search", "2m")).isZero();
        assertThat(stdout()).contains("search\t2m  (default 1m)").contains("index-refresh\t30m\n");
        assertThat(run("sources", "deadline", "prowlarr", "search", "default")).isZero();
        assertThat(stdout()).contains("search\t1m\n");
        assertThat(run("sources", "deadline", "prowlarr", "search", "soon")).isEqualTo(1);
        assertThat(console.stderr()).contains("a duration is a number and s, m or h").doesNotContain("Exception");
        assertThat(run("sources", "deadline", "prowlarr", "lunch", "1m")).isEqualTo(1);
        assertThat(console.stderr()).contains("no call kind 'lunch'");
    }

    @Test
    void metadata_prints_the_nautiljon_facts_of_a_series() throws Exception {
        String search = resource("/nautiljon/search_one_piece.reconstructed.html");
        String fiche = resource("/nautiljon/fiche_one_piece.reconstructed.html");
        prowlarr.setDispatcher(new mockwebserver3.Dispatcher() { // the same mock server plays Nautiljon here
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest r) {
                String body = r.getTarget().equals("/mangas/one+piece.html") ? fiche : search;
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
            }
        });
        assertThat(run("sources", "add", "nautiljon", "--set", "url=" + prowlarr.url("/"), "--set", "minIntervalSeconds=0")).isZero();

        assertThat(run("metadata", "One Piece")).isZero();

        assertThat(stdout()).contains("One Piece").contains("VO: 113 volumes (ongoing), Shueisha")
                .contains("VF: 111 volumes (ongoing), Glénat; last: vol. 111 on 2025-07-02; next: vol. 112 on 2025-12-03");
    }

    @Test
    void an_ebdz_crawl_fills_the_index_that_search_then_reads() throws Exception {
        String guest = resource("/mybb/index_guest.html");
        String member = resource("/mybb/index_member.html");
        String loggedIn = resource("/mybb/login_success_redirect.html");
        String forum = resource("/mybb/forumdisplay_fid12_page1.html");
        String thread = resource("/mybb/showthread_tid91544.html");
        prowlarr.setDispatcher(new mockwebserver3.Dispatcher() { // here the mock server plays a MyBB forum
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest r) {
                String target = r.getTarget();
                boolean isMember = String.valueOf(r.getHeaders().get("Cookie")).contains("mybbuser=1_k");
                MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8");
                if (target.endsWith("member.php")) {
                    return b.addHeader("Set-Cookie", "mybbuser=1_k; path=/").body(loggedIn).build();
                }
                if (!isMember) {
                    return b.addHeader("Set-Cookie", "sid=s; path=/").body(guest).build();
                }
                if (target.contains("forumdisplay.php")) {
                    return b.body(forum).build();
                }
                return b.body(target.contains("tid=91544") ? thread : member).build();
            }
        });
        assertThat(run("sources", "add", "ebdz", "--set", "url=" + prowlarr.url("/forum/"), "--set", "username=u", "--set", "password=p",
                "--set", "forums=12", "--set", "minIntervalSeconds=0", "--set", "maxPagesPerForum=1")).isZero();

        assertThat(run("ebdz", "crawl", "--quiet")).isZero();
        assertThat(stdout()).contains("crawl done: 21 pages read, 20 threads indexed, 0 unchanged, 12 links in the index");

        assertThat(run("search", "One Piece", "--volume", "5", "--source", "ebdz")).isZero();
        assertThat(stdout().split("\n")[0]).contains("T5").contains("One.Piece.Tome.05.FR.cbz");
    }

    @Test
    void a_dry_run_check_says_what_it_would_grab_and_why_the_rest_was_turned_down_then_history_and_stats_show_it() throws Exception {
        Path library = tmp.resolve("manga/One Piece");
        java.nio.file.Files.createDirectories(library);
        for (int v : new int[] {98, 99, 101}) {
            java.nio.file.Files.write(library.resolve("One Piece - Tome " + v + ".cbz"), new byte[] {1});
        }
        run("library", "add", "Manga", tmp.resolve("manga").toString());
        run("scan");
        run("sources", "add", "prowlarr", "--set", "url=" + prowlarr.url("/"), "--set", "apiKey=k");
        prowlarr.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(fixture()).build());

        assertThat(run("check", "--dry-run")).isZero();

        assertThat(stdout()).contains("One Piece: wanted 1, 2, 3").contains(", 97, 100")
                .contains("would grab  One Piece - Tome 100 - Le Haki des rois (Glénat) [CBZ] [FR]")
                .contains("rejected One Piece Tomes 1 à 100 - Intégrale FR (CBZ): [VOLUME_NOT_WANTED] it also brings volumes 98, 99, already owned")
                .contains("dry run: 1 series checked, 1 searches, 0 grabs");

        assertThat(run("history", "--json")).isZero();
        assertThat(Json.MAPPER.readTree(stdout().strip().split("\n")[0]).path("results").asInt()).isEqualTo(3);
        assertThat(run("history", "--csv")).isZero();
        assertThat(stdout()).startsWith("at,kind,success,series,source,client,query,results,volume,message");
        assertThat(run("stats")).isZero();
        assertThat(stdout()).contains("series monitored: 1").contains("volumes missing:  98").contains("searches:         1");
    }

    private static String resource(String path) {
        return Fixtures.text(path.substring(1));
    }

    private static String fixture() {
        return Fixtures.text("prowlarr/search_one_piece_tome_100.json");
    }

    private int run(String... args) {
        return console.run(args);
    }

    private String stdout() {
        return console.stdout();
    }
}
