package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /api/proposals over HTTP with the bundled plugins: a Prowlarr played from its fixtures, a real qbittorrent-nox.
 * One Piece owns only volume 101, so the check chooses the "Tomes 1 à 100" pack, a magnet.
 */
class ProposalApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static QBittorrentDaemon qbittorrent;
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarrServer = new MockWebServer();
    private final FakeProwlarr prowlarr = new FakeProwlarr();
    private Kanzen kanzen;
    private KanzenServer server;
    private AdminApiClient api;

    @BeforeAll
    static void startClient() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-proposals-qbt-"));
        qbittorrent.start();
    }

    @AfterAll
    static void stopClient() {
        if (qbittorrent != null) {
            qbittorrent.stop();
        }
    }

    @BeforeEach
    void start() throws Exception {
        QBittorrentTorrents.clear(qbittorrent);
        prowlarrServer.setDispatcher(prowlarr);
        Path series = Files.createDirectories(tmp.resolve("manga/One Piece"));
        Files.write(series.resolve("One Piece - Tome 101.cbz"), new byte[] {1});
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        kanzen.addLibrary("Manga", tmp.resolve("manga"));
        kanzen.scan(null);
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarrServer.url("/").toString(), "apiKey", "0123456789abcdef0123"));
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER, "password",
                QBittorrentDaemon.PASSWORD));
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        api = AdminApiClient.setUp(server, kanzen);
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void aCheckWithAutomaticDownloadOffListsItsProposalWithScoreAndWhyAndApprovingSendsItToQbittorrentOnce() throws Exception {
        assertThat(json(api.call("GET", "/api/proposals", null)).path("proposals")).isEmpty();

        kanzen.check(false, null); // automatic download is off on a first start

        JsonNode listed = json(api.call("GET", "/api/proposals", null));
        assertThat(listed.path("pending").asInt()).isEqualTo(1);
        assertThat(listed.path("auto_download").asBoolean()).isFalse();
        JsonNode p = listed.path("proposals").get(0);
        assertThat(p.path("series_title").asText()).isEqualTo("One Piece");
        assertThat(p.path("volume").asText()).isEqualTo("1-100");
        assertThat(p.path("release").asText()).isEqualTo("One Piece Tomes 1 à 100 - Intégrale FR (CBZ)");
        assertThat(p.path("source").asText()).isEqualTo("prowlarr");
        assertThat(p.path("size").asLong()).isEqualTo(7516192768L);
        assertThat(p.path("seeders").asInt()).isEqualTo(7);
        assertThat(p.path("score").asInt()).isPositive();
        assertThat(p.path("score_parts").findValuesAsText("name")).contains("series", "volumes", "language");
        assertThat(p.path("score_parts").findValuesAsText("code")).as("each part's text code").contains("series.same", "language.tag");
        assertThat(p.path("score_parts").findValues("params")).as("and the values its text needs").anySatisfy(v -> assertThat(v.has("volumes")).isTrue());
        assertThat(p.path("state").asText()).isEqualTo("pending");
        assertThat(listed.toString()).doesNotContain("0123456789abcdef0123"); // the Prowlarr key never leaves
        assertThat(json(api.call("GET", "/api/overview", null)).path("proposals_pending").asInt()).isEqualTo(1);

        long id = p.path("id").asLong();
        HttpResponse<String> approved = api.call("POST", "/api/proposals/" + id + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).path("grab").path("state").asText()).isEqualTo("sent");
        assertThat(json(approved).path("proposal").path("state").asText()).isEqualTo("approved");
        assertThat(QBittorrentTorrents.names(qbittorrent)).hasSize(1);

        HttpResponse<String> again = api.call("POST", "/api/proposals/" + id + "/approve", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("code").asText()).isEqualTo("proposal.notPending");
        assertThat(QBittorrentTorrents.names(qbittorrent)).hasSize(1);
        assertThat(json(api.call("GET", "/api/proposals", null)).path("proposals")).isEmpty();
    }

    @Test
    void rejectingAProposalBlocklistsItsReleaseSoTheNextCheckProposesTheSingleVolumesInstead() throws Exception {
        kanzen.check(false, null);
        long id = json(api.call("GET", "/api/proposals", null)).path("proposals").get(0).path("id").asLong();

        HttpResponse<String> rejected = api.call("POST", "/api/proposals/" + id + "/reject", null);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(json(rejected).path("proposal").path("state").asText()).isEqualTo("rejected");

        kanzen.check(false, null);
        JsonNode next = json(api.call("GET", "/api/proposals", null)).path("proposals");
        assertThat(next.findValuesAsText("release")).isNotEmpty().doesNotContain("One Piece Tomes 1 à 100 - Intégrale FR (CBZ)");
        assertThat(next.findValuesAsText("volume")).containsOnly("100");
        assertThat(QBittorrentTorrents.names(qbittorrent)).isEmpty();
    }

    @Test
    void theDecidedProposalsAreListedNewestFirstWithTheirDownloadAndARejectionCanBeTakenBack() throws Exception {
        kanzen.check(false, null);
        long whole = json(api.call("GET", "/api/proposals", null)).path("proposals").get(0).path("id").asLong();
        api.call("POST", "/api/proposals/" + whole + "/reject", null);
        kanzen.check(false, null); // the pack blocklisted: volume 100 alone is proposed
        long single = json(api.call("GET", "/api/proposals", null)).path("proposals").get(0).path("id").asLong();
        api.call("POST", "/api/proposals/" + single + "/reject", null);

        HttpResponse<String> packBack = api.call("POST", "/api/proposals/" + whole + "/unreject", null);
        assertThat(packBack.statusCode()).as(packBack.body()).isEqualTo(200);
        assertThat(json(packBack).path("proposal").path("state").asText()).isEqualTo("pending");
        assertThat(api.call("POST", "/api/proposals/" + whole + "/approve", null).statusCode()).isEqualTo(200);

        JsonNode decided = api.get("/api/proposals?state=decided").path("proposals");
        assertThat(decided.findValuesAsText("id")).containsExactly(String.valueOf(whole), String.valueOf(single));
        assertThat(decided.findValuesAsText("state")).containsExactly("approved", "rejected");
        assertThat(decided.get(0).path("reason_code").asText()).isEqualTo("approved");
        assertThat(decided.get(0).path("grab_state").asText()).isEqualTo("sent");
        assertThat(decided.get(1).path("reason_code").asText()).isEqualTo("rejected");
        assertThat(api.get("/api/proposals?state=decided&limit=1").path("proposals")).hasSize(1);
        HttpResponse<String> tooMany = api.call("GET", "/api/proposals?state=decided&limit=100000", null);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).path("code").asText()).isEqualTo("input.range");

        HttpResponse<String> back = api.call("POST", "/api/proposals/" + single + "/unreject", null);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        // volume 100 is held by the pack sent since: unblocked, the single volume is not sendable as it is
        assertThat(json(back).path("proposal").path("state").asText()).isEqualTo("superseded");
        assertThat(json(back).path("proposal").path("reason_code").asText()).isEqualTo("held");
        HttpResponse<String> twice = api.call("POST", "/api/proposals/" + single + "/unreject", null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).path("code").asText()).isEqualTo("proposal.notRejected");
    }

    @Test
    void anUnknownProposalIsA404AndABadIdA400InJson() throws Exception {
        HttpResponse<String> unknown = api.call("POST", "/api/proposals/999/approve", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("no proposal with id 999");
        assertThat(api.call("POST", "/api/proposals/999/unreject", null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/proposals?state=decided&limit=abc", null).statusCode()).isEqualTo(400);
        HttpResponse<String> bad = api.call("POST", "/api/proposals/abc/reject", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("field").asText()).isEqualTo("id");
    }

    @Test
    void proposalsNeedTheKeyOrASession() throws Exception {
        AdminApiClient stranger = api.anonymous();
        assertThat(stranger.call("GET", "/api/proposals", null).statusCode()).isEqualTo(401);
        assertThat(stranger.call("POST", "/api/proposals/approve-all", null).statusCode()).isEqualTo(401);
    }
}
