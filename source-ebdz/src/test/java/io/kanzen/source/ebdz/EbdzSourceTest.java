package io.kanzen.source.ebdz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.Ed2kLink;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.source.IndexReport;
import io.kanzen.api.source.IndexedSource;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.testkit.PluginContractTest;
import io.kanzen.testkit.TestPluginContext;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EbdzSourceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    private final FakeForum forum = new FakeForum();
    private final TestPluginContext context = TestPluginContext.create();

    @BeforeEach
    void serve() {
        server.setDispatcher(forum);
    }

    private IndexedSource source() {
        return (IndexedSource) FakeForum.source(server, context);
    }

    @Test
    void the_login_posts_the_post_key_with_the_guest_session_cookie_like_a_browser() {
        source().checkConnection();

        assertThat(forum.asked).containsExactly("GET index.php", "POST member.php", "GET index.php");
        Map<String, String> form = forum.logins.get(0);
        assertThat(form).containsEntry("action", "do_login").containsEntry("quick_login", "1")
                .containsEntry("my_post_key", FakeForum.POST_KEY).containsEntry("quick_username", FakeForum.USER)
                .containsEntry("quick_password", FakeForum.PASSWORD);
    }

    @Test
    void a_wrong_password_is_an_authentication_error_with_the_forums_words() {
        IndexedSource source = (IndexedSource) FakeForum.source(server.url("/forum/").toString(), context, "mauvais");
        assertThatThrownBy(source::checkConnection).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).startsWith("the forum refused the login");
        });
    }

    @Test
    void a_thread_gives_every_whole_ed2k_link_once_and_never_a_cut_label() {
        ForumPages.Thread t = ForumPages.thread(FakeForum.fixture("showthread_tid91544.html"));

        assertThat(t.links()).extracting(Ed2kLink::name).containsExactlyInAnyOrder(
                "One.Piece.Tome.01.FR.cbz", "One Piece - Tome 02 (Glénat).cbz", "One.Piece.Tome.03.FR.cbz", "One.Piece.Tome.04.FR.cbz",
                "One.Piece.Tome.05.FR.cbz", "One.Piece.Tome.06.FR.(Glenat).Edition.Originale.cbz", "One.Piece.Tome.07.FR.[Team&Co].cbz",
                "ワンピース 第08巻.zip", "One Piece Tome 11 FR.cbz", "One.Piece.Tome.09.FR.cbz", "One.Piece.Tome.10.FR.cbz",
                "One.Piece.Hors-Serie.Red.FR.cbz");
        assertThat(t.cover()).endsWith("/couvertures/one_piece_t01.jpg");
        assertThat(t.description()).startsWith("Monkey D. Luffy");
    }

    @Test
    void a_crawl_indexes_every_thread_and_a_search_reads_the_index_only() {
        IndexedSource source = source();
        IndexReport report = source.refreshIndex(line -> {});

        assertThat(report.itemsUpdated()).isEqualTo(58);
        assertThat(report.pagesFetched()).isEqualTo(3 + 58);
        assertThat(report.linksInIndex()).isEqualTo(12 + 57);
        int asked = forum.asked.size();

        List<Release> found = source.search(SearchRequest.of("One Piece Tome 05"));
        assertThat(forum.asked).hasSize(asked);
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("One.Piece.Tome.05.FR.cbz");
            assertThat(r.linkKind()).isEqualTo(LinkKind.ED2K);
            assertThat(r.size()).isEqualTo(50_921_472L);
            assertThat(r.guid()).isEqualTo("69a79985047a09b7639825cd3ef1f70a");
            assertThat(r.seeders()).isNull();
        });
        assertThat(source.search(SearchRequest.of("glenat"))).extracting(Release::title)
                .contains("One Piece - Tome 02 (Glénat).cbz"); // accents aside
    }

    @Test
    void a_second_crawl_reads_only_the_thread_lists_when_nothing_changed() {
        IndexedSource source = source();
        source.refreshIndex(line -> {});
        forum.asked.clear();

        IndexReport again = source.refreshIndex(line -> {});

        assertThat(again.itemsUpdated()).isZero();
        assertThat(again.itemsUnchanged()).isEqualTo(58);
        assertThat(forum.asked).allMatch(a -> a.startsWith("GET forumdisplay.php"));
    }

    @Test
    void a_crawl_that_fails_midway_keeps_what_it_indexed_and_resumes_at_the_failed_page() {
        forum.failures.put("showthread.php?tid=90804", new MockResponse.Builder().code(503).build()); // a thread of page 2
        IndexedSource source = source();
        assertThatThrownBy(() -> source.refreshIndex(line -> {}))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(source.search(SearchRequest.of("One Piece Tome 01"))).isNotEmpty(); // page 1 stayed indexed

        forum.failures.clear();
        forum.asked.clear();
        IndexedSource restarted = source(); // a new instance: as after a crash
        restarted.refreshIndex(line -> {});
        assertThat(forum.asked).filteredOn(a -> a.startsWith("GET forumdisplay")).first().isEqualTo("GET forumdisplay.php?fid=12&page=2");
    }

    @Test
    void an_expired_session_is_renewed_once_and_the_crawl_goes_on() {
        IndexedSource source = source();
        source.checkConnection();
        forum.expireSession();

        source.refreshIndex(line -> {});

        assertThat(forum.logins).hasSize(2);
    }

    @Test
    void every_page_goes_through_the_rate_limiter() {
        source().refreshIndex(line -> {});
        assertThat(context.acquired("127.0.0.1") + context.acquired("localhost")).isEqualTo(forum.asked.size());
    }

    @Nested
    class ThePlugin extends PluginContractTest {
        @Override
        protected Plugin plugin() {
            return new EbdzPlugin();
        }
    }
}
