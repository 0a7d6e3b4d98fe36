package io.kanzen.source.torznab;

import static io.kanzen.source.torznab.TorznabFixtures.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SettingChoices;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.testkit.Fixtures;
import io.kanzen.testkit.TestPluginContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class TorznabSourceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    private final TestPluginContext context = TestPluginContext.create();

    private Source jackett(Map<String, String> settings) {
        return TorznabFixtures.source(server.url("/api/v2.0/indexers/all/results/torznab/").toString(), context, settings);
    }

    @Test
    void aSearchAsksTheSeriesInTheChosenCategoriesWithTheKeyInTheQueryAsTorznabWants() throws Exception {
        server.enqueue(xml(200, "jackett_search_empty.xml"));
        jackett(Map.of("categories", "7030,102157")).search(new SearchRequest("One Piece", VolumeRange.of(105), 50));

        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2.0/indexers/all/results/torznab/api");
        assertThat(r.getUrl().queryParameter("t")).isEqualTo("search");
        assertThat(r.getUrl().queryParameter("q")).isEqualTo("One Piece"); // the series, not "One Piece 105"
        assertThat(r.getUrl().queryParameter("cat")).isEqualTo("7030,102157");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("50");
        assertThat(r.getUrl().queryParameter("apikey")).isEqualTo(TorznabFixtures.API_KEY);
        assertThat(context.acquiredInAll()).isEqualTo(1);
    }

    @Test
    void jackettItemsKeepTheirFieldsAndAnItemWithNoLinkIsLeftOut() {
        server.enqueue(xml(200, "jackett_search_one_piece.xml"));
        List<Release> releases = jackett(Map.of()).search(SearchRequest.of("One Piece"));

        assertThat(releases).extracting(Release::title).containsExactly("One Piece - Tome 105 [FR] (CBZ)",
                "[Nyaa-example] One Piece v01-v10 (Digital) (English)", "One Piece Tome 104 FR");
        Release ygg = releases.get(0);
        assertThat(ygg.source()).isEqualTo("torznab");
        assertThat(ygg.linkKind()).isEqualTo(LinkKind.TORRENT_URL);
        assertThat(ygg.link()).startsWith("http://127.0.0.1:9117/dl/yggtorrent/?jackett_apikey=");
        assertThat(ygg.size()).isEqualTo(83_886_080L);
        assertThat(ygg.seeders()).isEqualTo(87);
        assertThat(ygg.leechers()).isEqualTo(3); // peers 90 - seeders 87
        assertThat(ygg.publishDate()).isEqualTo(Instant.parse("2024-07-06T16:42:10Z"));
        assertThat(ygg.indexer()).isEqualTo("YggTorrent (example)");
        assertThat(ygg.infoHash()).isNull();
        assertThat(ygg.protocol()).isEqualTo("torrent");
        assertThat(ygg.parsed().volume()).isEqualTo(VolumeRange.of(105)); // read by the host's real parser
        assertThat(ygg.parsed().language()).isEqualTo("fr");
    }

    @Test
    void aRealMagnetIsPreferredToTheFeedsProxiedTorrentAndItsHashIsKeptInLowerCase() {
        server.enqueue(xml(200, "jackett_search_one_piece.xml"));
        List<Release> releases = jackett(Map.of()).search(SearchRequest.of("One Piece"));

        Release nyaa = releases.get(1);
        assertThat(nyaa.linkKind()).isEqualTo(LinkKind.MAGNET);
        assertThat(nyaa.link()).startsWith("magnet:?xt=urn:btih:8A19577FB5F690970CA43A57FF1011AE202244B8");
        assertThat(nyaa.infoHash()).isEqualTo("8a19577fb5f690970ca43a57ff1011ae202244b8");
        assertThat(nyaa.leechers()).isZero();
        Release magnetOnly = releases.get(2);
        assertThat(magnetOnly.link()).isEqualTo(magnetOnly.guid());
        assertThat(magnetOnly.infoHash()).isEqualTo("c9a3f0e2d1b4a5968776655443322110ffeeddcc"); // read from the magnet
        assertThat(magnetOnly.size()).isEqualTo(-1); // "0" is not a size
        assertThat(magnetOnly.seeders()).as("value=\"\" is unknown, not zero").isNull();
        assertThat(magnetOnly.leechers()).isNull();
    }

    @Test
    void prowlarrsPerIndexerFeedIsReadToo() {
        server.enqueue(xml(200, "prowlarr_indexer3_search_one_piece.xml"));
        List<Release> releases = TorznabFixtures.source(server.url("/3").toString(), context, Map.of()).search(SearchRequest.of("One Piece"));

        assertThat(releases).hasSize(2);
        assertThat(releases.get(0).indexer()).isEqualTo("Torrent9 (example)");
        assertThat(releases.get(0).infoHash()).isEqualTo("52c080c4a6486784088281c4d3c1b9e90575d8c5");
        assertThat(releases.get(0).publishDate()).isEqualTo(Instant.parse("2024-03-14T19:22:05Z"));
        assertThat(releases.get(1).linkKind()).isEqualTo(LinkKind.MAGNET); // the guid is the magnet
    }

    @Test
    void usenetItemsOfANewznabFeedAreLeftOutForKanzenHasNoUsenetClient() {
        server.enqueue(xml(200, "nzbhydra_search_usenet.xml"));

        assertThat(jackett(Map.of()).search(SearchRequest.of("One Piece"))).isEmpty();
    }

    @Test
    void theConnectionTestAsksTheCapsAndTheCategoriesAreOfferedFromThem() throws Exception {
        server.enqueue(xml(200, "jackett_caps.xml"));
        server.enqueue(xml(200, "jackett_caps.xml"));
        Source source = jackett(Map.of());

        source.checkConnection();
        assertThat(server.takeRequest().getUrl().queryParameter("t")).isEqualTo("caps");
        assertThat(((SettingChoices) source).choices("categories")).extracting(SettingChoices.Choice::value)
                .containsExactly("5000", "5070", "7000", "7020", "7030", "102157", "102161");
    }

    @Test
    void aFeedThatIsNotTorznabFailsTheConnectionTest() {
        server.enqueue(xml(200, "jackett_search_empty.xml")); // an RSS feed, not caps

        assertThatThrownBy(() -> jackett(Map.of()).checkConnection()).isInstanceOfSatisfying(PluginException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_RESPONSE));
    }

    @Test
    void torznabErrorCodesBecomeErrorKindsWhateverTheHttpStatus() {
        assertThat(errorFor(200, "<error code=\"100\" description=\"Incorrect user credentials\"/>").kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(errorFor(200, "<error code=\"101\" description=\"Account suspended\"/>").kind()).isEqualTo(ErrorKind.BLOCKED);
        assertThat(errorFor(200, "<error code=\"500\" description=\"Request limit reached\"/>").kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(errorFor(200, "<error code=\"910\" description=\"API disabled\"/>").kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        PluginException missing = errorFor(400, Fixtures.text("torznab/prowlarr_error_missing_t.xml"));
        assertThat(missing.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(missing.getMessage()).contains("Missing parameter (t)");
    }

    @Test
    void anHttpDateInRetryAfterIsReadAsTheWaitUntilThen() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        TestPluginContext clocked = context.withClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Tue, 01 Dec 2026 10:05:00 GMT").build());

        assertThatThrownBy(() -> TorznabFixtures.source(server.url("/").toString(), clocked, Map.of()).search(SearchRequest.of("x")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(5)));
    }

    @Test
    void anOpenFeedIsAskedWithoutAKey() throws Exception {
        server.enqueue(xml(200, "jackett_search_empty.xml"));
        TorznabFixtures.source(server.url("/").toString(), context, Map.of("apiKey", "")).search(SearchRequest.of("Berserk"));

        assertThat(server.takeRequest().getUrl().queryParameter("apikey")).isNull();
    }

    private PluginException errorFor(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body.replaceFirst("^<\\?xml[^>]*>\\s*", "")).build());
        try {
            jackett(Map.of()).search(SearchRequest.of("One Piece"));
        } catch (PluginException e) {
            return e;
        }
        throw new AssertionError("no error for " + body);
    }
}
