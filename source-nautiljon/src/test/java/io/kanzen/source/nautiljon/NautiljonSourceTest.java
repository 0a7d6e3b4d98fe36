package io.kanzen.source.nautiljon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginException;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.testkit.PluginContractTest;
import io.kanzen.testkit.TestPluginContext;
import java.time.LocalDate;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NautiljonSourceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    private final FakeNautiljon site = new FakeNautiljon();
    private final TestPluginContext context = TestPluginContext.create();

    @BeforeEach
    void serve() {
        server.setDispatcher(site);
    }

    private Source source() {
        return FakeNautiljon.source(server, context);
    }

    @Test
    void a_title_is_searched_with_the_st_token_and_its_fiche_read() {
        SeriesMetadata m = source().metadata(SeriesQuery.title("one piece")).orElseThrow();

        assertThat(site.asked).containsExactly("/mangas/", "/mangas/?q=one+piece&st=8f3c1a2b9d7e4f60", "/mangas/one+piece.html");
        assertThat(m.title()).isEqualTo("One Piece");
        assertThat(m.url()).isEqualTo("https://www.nautiljon.com/mangas/one+piece.html");
        assertThat(m.alternativeTitles()).contains("ワンピース", "Wan Pīsu");
        assertThat(m.vo()).isEqualTo(new EditionInfo(113, PublicationStatus.ONGOING, java.util.List.of("Shueisha"), null, null));
        assertThat(m.vf().volumeCount()).isEqualTo(111);
        assertThat(m.vf().status()).isEqualTo(PublicationStatus.ONGOING);
        assertThat(m.vf().publishers()).containsExactly("Glénat");
        assertThat(m.vf().lastVolume()).isEqualTo(new EditionInfo.VolumeDate(111, LocalDate.of(2025, 7, 2)));
        assertThat(m.vf().nextVolume()).isEqualTo(new EditionInfo.VolumeDate(112, LocalDate.of(2025, 12, 3)));
        assertThat(m.authors()).containsExactly("ODA Eiichirô");
        assertThat(m.genres()).contains("Action", "Aventure");
        assertThat(m.coverUrl()).endsWith("/images/manga/00/69/one_piece_596.webp");
    }

    @Test
    void the_series_wins_over_its_spin_offs_and_a_fiche_read_once_is_kept() {
        Source source = source();
        source.metadata(SeriesQuery.title("One Piece"));
        source.metadata(SeriesQuery.title("One Piece"));

        assertThat(site.asked.stream().filter(p -> p.equals("/mangas/one+piece.html"))).hasSize(1);
    }

    @Test
    void a_pinned_fiche_is_read_directly_and_one_on_another_site_is_refused() {
        SeriesMetadata m = source().metadata(new SeriesQuery(null, server.url("/mangas/one+piece.html").toString())).orElseThrow();
        assertThat(m.title()).isEqualTo("One Piece");
        assertThat(site.asked).containsExactly("/mangas/one+piece.html");
        assertThatThrownBy(() -> source().metadata(new SeriesQuery(null, "https://evil.example/mangas/x.html")))
                .isInstanceOf(IllegalArgumentException.class);
        String own = server.url("/").host();
        for (String elsewhere : java.util.List.of("http://evil" + own + ":" + server.getPort() + "/mangas/x.html", "file:///etc/passwd",
                "/mangas/x.html")) {
            assertThatThrownBy(() -> source().metadata(new SeriesQuery(null, elsewhere))).as(elsewhere).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(site.asked).containsExactly("/mangas/one+piece.html");
    }

    @Test
    void an_expired_search_session_is_retried_once_with_a_new_token() {
        site.expiredSearches = 1;
        assertThat(source().metadata(SeriesQuery.title("One Piece"))).isPresent();
        assertThat(site.asked.stream().filter(p -> p.equals("/mangas/"))).hasSize(2);
    }

    @Test
    void an_unknown_page_is_no_answer() {
        assertThat(source().metadata(new SeriesQuery(null, server.url("/mangas/nope.html").toString()))).isEmpty();
    }

    @Test
    void a_ban_page_stops_every_later_call_until_a_connection_test_succeeds() {
        site.searchPage = FakeNautiljon.fixture("blocked_ip_abuse.reconstructed.html");
        Source source = source();
        assertThatThrownBy(() -> source.metadata(SeriesQuery.title("One Piece")))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BLOCKED);
                    assertThat(e.getMessage()).contains("banned");
                });
        int asked = site.asked.size();

        // a new instance (a restart) is stopped too, without a request
        assertThatThrownBy(() -> source().metadata(SeriesQuery.title("Berserk")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BLOCKED));
        assertThat(site.asked).hasSize(asked);

        site.searchPage = FakeNautiljon.fixture("search_one_piece.reconstructed.html");
        source.checkConnection();
        assertThat(source.metadata(SeriesQuery.title("One Piece"))).isPresent();
    }

    @Test
    void a_cloudflare_challenge_is_blocked_not_not_found() {
        site.pages.put("/mangas/one+piece.html", FakeNautiljon.html(403, FakeNautiljon.fixture("cloudflare_challenge.reconstructed.html")));
        assertThatThrownBy(() -> source().metadata(SeriesQuery.title("One Piece")))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BLOCKED);
                    assertThat(e.getMessage()).contains("Cloudflare");
                });
    }

    @Test
    void statuses_read_in_french() {
        assertThat(FichePage.status("Terminé")).isEqualTo(PublicationStatus.FINISHED);
        assertThat(FichePage.status("À paraître")).isEqualTo(PublicationStatus.UPCOMING);
        assertThat(FichePage.status("Abandonné")).isEqualTo(PublicationStatus.ABANDONED);
        assertThat(FichePage.status("En attente")).isEqualTo(PublicationStatus.ON_HOLD);
        assertThat(FichePage.status("En cours")).isEqualTo(PublicationStatus.ONGOING);
        assertThat(FichePage.status("???")).isEqualTo(PublicationStatus.UNKNOWN);
    }

    @Nested
    class ThePlugin extends PluginContractTest {
        @Override
        protected Plugin plugin() {
            return new NautiljonPlugin();
        }
    }
}
