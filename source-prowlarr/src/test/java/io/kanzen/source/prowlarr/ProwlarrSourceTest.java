package io.kanzen.source.prowlarr;

import static io.kanzen.source.prowlarr.ProwlarrFixtures.file;
import static io.kanzen.source.prowlarr.ProwlarrFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.ParsedName;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SettingChoices;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.testkit.PluginContractTest;
import io.kanzen.testkit.TestPluginContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProwlarrSourceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    private final TestPluginContext context = TestPluginContext.create()
            .withNameParser(title -> title.contains("100") && !title.contains("1 à 100") ? new ParsedName("One Piece", VolumeRange.of(100), null,
                    null, null, null, null, false, false) : ParsedName.EMPTY);

    private Source source(Map<String, String> settings) {
        return ProwlarrFixtures.source(server.url("/").toString(), context, settings);
    }

    @Test
    void the_search_sends_the_key_in_a_header_and_repeats_array_parameters() throws Exception {
        server.enqueue(json(200, file("search_empty.json")));
        source(Map.of("indexerIds", "3, 5")).search(new SearchRequest("One Piece", VolumeRange.of(100), 50));

        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/search");
        assertThat(r.getUrl().queryParameter("query")).isEqualTo("One Piece"); // the series, not "One Piece 100"
        assertThat(r.getUrl().queryParameter("type")).isEqualTo("search");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("50");
        assertThat(r.getUrl().queryParameterValues("categories")).containsExactly("7000", "7020", "7030");
        assertThat(r.getUrl().queryParameterValues("indexerIds")).containsExactly("3", "5");
        assertThat(r.getHeaders().get("X-Api-Key")).isEqualTo(ProwlarrFixtures.API_KEY);
        assertThat(r.getTarget()).doesNotContain(ProwlarrFixtures.API_KEY); // never in a URL that a log could show
        assertThat(context.acquired("127.0.0.1:" + server.getPort()) + context.acquired("localhost:" + server.getPort())).isEqualTo(1);
    }

    @Test
    void torrent_releases_keep_their_fields_and_usenet_ones_are_left_out() {
        server.enqueue(json(200, file("search_one_piece_tome_100.json")));
        List<Release> releases = source(Map.of()).search(SearchRequest.of("One Piece"));

        assertThat(releases).extracting(Release::title).containsExactly("One Piece Tome 100 FR CBZ",
                "One Piece - Tome 100 - Le Haki des rois (Glénat) [CBZ] [FR]", "One Piece Tomes 1 à 100 - Intégrale FR (CBZ)");
        Release first = releases.get(0);
        assertThat(first.source()).isEqualTo("prowlarr");
        assertThat(first.link()).startsWith("http://localhost:9696/3/download?apikey=");
        assertThat(first.linkKind()).isEqualTo(LinkKind.TORRENT_URL);
        assertThat(first.size()).isEqualTo(78_643_200L);
        assertThat(first.seeders()).isEqualTo(42);
        assertThat(first.leechers()).isEqualTo(3);
        assertThat(first.publishDate()).isEqualTo(Instant.parse("2024-03-14T19:22:05Z"));
        assertThat(first.infoHash()).isEqualTo("52c080c4a6486784088281c4d3c1b9e90575d8c5");
        assertThat(first.indexer()).isEqualTo("Torrent9 (example)");
        assertThat(first.protocol()).isEqualTo("torrent");
        assertThat(first.parsed().volume()).isEqualTo(VolumeRange.of(100)); // read by the host's parser
        Release magnetOnly = releases.get(2);
        assertThat(magnetOnly.linkKind()).isEqualTo(LinkKind.MAGNET);
        assertThat(magnetOnly.link()).isEqualTo(magnetOnly.guid());
    }

    @Test
    void a_missing_seeder_count_stays_unknown_not_zero() {
        server.enqueue(json(200, "[{\"guid\":\"g\",\"title\":\"Berserk v42\",\"size\":0,\"protocol\":\"torrent\","
                + "\"downloadUrl\":\"http://p/1/download?apikey=k&link=x\"}]"));
        Release r = source(Map.of()).search(SearchRequest.of("Berserk")).get(0);
        assertThat(r.seeders()).isNull();
        assertThat(r.leechers()).isNull();
        assertThat(r.size()).isEqualTo(-1);
        assertThat(r.publishDate()).isNull();
    }

    @Test
    void all_indexers_unavailable_is_unavailable_and_says_so() {
        server.enqueue(json(400, file("search_400_all_indexers_unavailable.json")));
        assertThatThrownBy(() -> source(Map.of("indexerIds", "9")).search(SearchRequest.of("One Piece")))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("all selected indexers being unavailable").doesNotContain("NzbDrone");
                });
    }

    @Test
    void malformed_json_or_a_login_page_is_a_bad_response() {
        server.enqueue(json(200, "[{\"guid\": \"cut"));
        assertThatThrownBy(() -> source(Map.of()).search(SearchRequest.of("x")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_RESPONSE));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html><form>Login</form></html>").build());
        assertThatThrownBy(() -> source(Map.of()).search(SearchRequest.of("x")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.getMessage()).contains("not JSON"));
        server.enqueue(json(200, "{\"results\": []}"));
        assertThatThrownBy(() -> source(Map.of()).search(SearchRequest.of("x"))).hasMessageContaining("not a list");
    }

    @Test
    void a_server_error_is_unavailable() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        assertThatThrownBy(() -> source(Map.of()).search(SearchRequest.of("x")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    @Test
    void the_connection_check_reads_the_system_status() throws Exception {
        server.enqueue(json(200, file("system_status.json")));
        source(Map.of()).checkConnection();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/system/status");

        server.enqueue(json(200, "{\"appName\": \"Sonarr\"}"));
        assertThatThrownBy(() -> source(Map.of()).checkConnection()).hasMessageContaining("not as Prowlarr");
    }

    @Test
    void the_settings_form_is_offered_the_enabled_indexers_and_their_categories_flattened() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, file("indexer_list.json")));
        }
        SettingChoices source = (SettingChoices) source(Map.of());

        assertThat(source.choices("indexerIds")).extracting(SettingChoices.Choice::value).containsExactly("1", "3", "5");
        assertThat(source.choices("indexerIds").get(0).label()).isEqualTo("Nyaa.si (torrent)");
        List<SettingChoices.Choice> categories = source.choices("categories");
        assertThat(categories).extracting(SettingChoices.Choice::value).contains("7000", "7020", "7030", "100031").doesNotHaveDuplicates();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/indexer");
        assertThat(source.choices("url")).isEmpty();
    }

    @Nested
    class ThePlugin extends PluginContractTest {
        @Override
        protected io.kanzen.api.Plugin plugin() {
            return new ProwlarrPlugin();
        }
    }
}
