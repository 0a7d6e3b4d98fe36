package io.kanzen.bench.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FakeProwlarrTest {
    private static final Scenario SCENARIO = TestScenario.SEED_11;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String url, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void searchAnswersReleasesInProwlarrsShapeCappedAndTheLinksLeadToATorrentOrAMagnet() throws Exception {
        try (FakeProwlarr prowlarr = new FakeProwlarr(SCENARIO)) {
            String url = prowlarr.url() + "/api/v1/search?query=" + URLEncoder.encode("One Piece", StandardCharsets.UTF_8) + "&type=search&limit=100";
            assertThat(get(url, "wrong").statusCode()).isEqualTo(401);
            HttpResponse<byte[]> r = get(url, FakeProwlarr.API_KEY);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode list = new ObjectMapper().readTree(r.body());
            assertThat(list.size()).isEqualTo(SCENARIO.search("One Piece", java.util.List.of(), 100).size()).isLessThan(SCENARIO.matching("One Piece").size());
            assertThat(prowlarr.queries()).containsExactly("One Piece");
            boolean sawMagnet = false;
            boolean sawTorrent = false;
            boolean sawRedirect = false;
            for (JsonNode rel : list) {
                assertThat(rel.path("title").asText()).containsIgnoringCase("one").containsIgnoringCase("piece");
                if (rel.path("guid").asText().startsWith("magnet:?xt=urn:btih:")) {
                    assertThat(rel.has("downloadUrl")).isFalse();
                    sawMagnet = true;
                    continue;
                }
                if (!rel.path("protocol").asText().equals("torrent") || sawTorrent && sawRedirect) {
                    continue;
                }
                HttpResponse<byte[]> d = get(rel.path("downloadUrl").asText(), null);
                if (d.statusCode() == 301) {
                    assertThat(d.headers().firstValue("Location").orElseThrow())
                            .startsWith("magnet:?xt=urn:btih:" + rel.path("infoHash").asText().toLowerCase());
                    sawRedirect = true;
                } else {
                    assertThat(d.statusCode()).isEqualTo(200);
                    assertThat(d.body()[0]).isEqualTo((byte) 'd');
                    assertThat(Torrents.infoHash("", d.body())).isEqualToIgnoringCase(rel.path("infoHash").asText());
                    sawTorrent = true;
                }
            }
            assertThat(sawMagnet && sawTorrent && sawRedirect).isTrue();
        }
    }

    @Test
    void aQueryMatchesLooselyAsATrackerDoes() {
        assertThat(SCENARIO.matching("Demon Slayer")).anyMatch(r -> r.title().startsWith("Demon Slayer - Kimetsu no Yaiba"));
        assertThat(SCENARIO.matching("Dragon Ball")).anyMatch(r -> r.title().startsWith("Dragon Ball Super"));
        assertThat(SCENARIO.matching("Nausicaa de la Vallee du Vent")).isNotEmpty();
        assertThat(SCENARIO.matching("Dragon Ball Super")).noneMatch(r -> r.truth().work().equals("Dragon Ball"));
    }
}
