package io.kanzen.client.qbittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the qBittorrent client does beyond the kit, against a real qbittorrent-nox. */
class QBittorrentClientTest {
    private static QBittorrentFixture qbt;
    private HttpServer web;

    @BeforeAll
    static void startQBittorrent() throws Exception {
        qbt = new QBittorrentFixture();
    }

    @AfterAll
    static void stopQBittorrent() {
        qbt.daemon.stop();
    }

    @AfterEach
    void stopWebServer() {
        if (web != null) {
            web.stop(0);
        }
    }

    @Test
    void a_torrent_whose_data_is_already_saved_completes_with_its_content_path(@TempDir Path saveDir) throws Exception {
        byte[] content = randomBytes(40_000);
        Files.write(saveDir.resolve("Berserk T12.cbz"), content);
        byte[] torrent = TestTorrents.singleFile("Berserk T12.cbz", content);
        DownloadClient client = qbt.client();

        DownloadHandle handle = client.submit(new DownloadRequest(null, LinkKind.TORRENT_FILE, torrent, "Berserk", VolumeRange.of(12),
                "manga", List.of("kanzen", "berserk"), saveDir.toString(), false));

        assertThat(handle.id()).isEqualTo(InfoHash.ofTorrent(torrent).hex());
        DownloadStatus done = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.status(handle), s -> s.state() == DownloadState.COMPLETED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.size()).isEqualTo(content.length);
        assertThat(done.name()).isEqualTo("Berserk T12.cbz");
        assertThat(done.contentPath()).isEqualTo(saveDir.resolve("Berserk T12.cbz").toString());
    }

    @Test
    void a_removed_torrent_is_gone_with_its_files_only_when_asked(@TempDir Path saveDir) throws Exception {
        DownloadClient client = qbt.client();
        DownloadHandle kept = seed(client, saveDir, "Berserk T13.cbz");
        DownloadHandle deleted = seed(client, saveDir, "Berserk T14.cbz");

        client.remove(kept, false);
        client.remove(deleted, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> client.status(kept).state() == DownloadState.MISSING
                && client.status(deleted).state() == DownloadState.MISSING);
        assertThat(saveDir.resolve("Berserk T13.cbz")).exists();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(saveDir.resolve("Berserk T14.cbz")));
        client.remove(kept, true); // already gone: a success
    }

    private static DownloadHandle seed(DownloadClient client, Path saveDir, String name) throws Exception {
        byte[] content = randomBytes(20_000);
        Files.write(saveDir.resolve(name), content);
        DownloadHandle handle = client.submit(new DownloadRequest(null, LinkKind.TORRENT_FILE, TestTorrents.singleFile(name, content), "Berserk",
                null, null, List.of(), saveDir.toString(), false));
        await().atMost(Duration.ofSeconds(20)).until(() -> client.status(handle).state() == DownloadState.COMPLETED);
        return handle;
    }

    @Test
    void the_category_is_created_and_the_tags_and_paused_flag_are_set() throws Exception {
        String magnet = "magnet:?xt=urn:btih:" + randomHash() + "&dn=Dandadan+T03";
        DownloadHandle handle = qbt.client().submit(new DownloadRequest(magnet, LinkKind.MAGNET, null, "Dandadan", VolumeRange.of(3),
                "manga-vf", List.of("kanzen", "dandadan"), null, true));

        JsonNode t = rawInfo(handle.id());
        assertThat(t.path("category").asText()).isEqualTo("manga-vf");
        assertThat(t.path("tags").asText()).contains("kanzen").contains("dandadan");
        assertThat(t.path("state").asText()).startsWith("paused"); // 4.x name; 5.x says stoppedDL
        assertThat(qbt.client().status(handle).state()).isEqualTo(DownloadState.PAUSED);
    }

    @Test
    void a_torrent_url_that_redirects_to_a_magnet_adds_the_magnet() throws Exception {
        String hash = randomHash();
        String url = serve("/download", 302, Map.of("Location", "magnet:?xt=urn:btih:" + hash + "&dn=Frieren+T01"), new byte[0]);

        DownloadHandle handle = qbt.client().submit(DownloadRequest.of(url, "Frieren", VolumeRange.of(1)));

        assertThat(handle.id()).isEqualTo(hash);
        assertThat(qbt.client().status(handle).state()).isNotEqualTo(DownloadState.MISSING);
    }

    @Test
    void a_torrent_url_is_fetched_by_kanzen_and_uploaded() throws Exception {
        byte[] torrent = TestTorrents.singleFile("Kagurabachi T02.cbz", randomBytes(20_000));
        String url = serve("/t.torrent", 200, Map.of("Content-Type", "application/x-bittorrent"), torrent);

        DownloadHandle handle = qbt.client().submit(DownloadRequest.of(url, "Kagurabachi", VolumeRange.of(2)));

        assertThat(handle.id()).isEqualTo(InfoHash.ofTorrent(torrent).hex());
        assertThat(qbt.client().status(handle).name()).isEqualTo("Kagurabachi T02.cbz");
    }

    @Test
    void a_torrent_url_answering_a_page_is_refused_and_adds_nothing() throws Exception {
        String url = serve("/ban", 200, Map.of("Content-Type", "text/html"), "<html>Accès refusé</html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> qbt.client().submit(DownloadRequest.of(url, "X", VolumeRange.of(1))))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("did not answer a .torrent file");
                });
    }

    @Test
    void every_call_to_qbittorrent_goes_through_its_rate_limiter() {
        int before = qbt.context.acquired("127.0.0.1:" + URI.create(qbt.daemon.url()).getPort());
        qbt.client().checkConnection();
        assertThat(qbt.context.acquired("127.0.0.1:" + URI.create(qbt.daemon.url()).getPort())).isGreaterThan(before);
    }

    @Test
    void a_killed_qbittorrent_is_unavailable_and_the_same_client_works_again_after_a_restart() {
        DownloadClient client = qbt.client();
        client.checkConnection();
        try {
            qbt.daemon.kill();
            assertThatThrownBy(() -> client.submit(DownloadRequest.of("magnet:?xt=urn:btih:" + randomHash(), "X", VolumeRange.of(1))))
                    .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        } finally {
            qbt.daemon.start();
        }
        // the old session cookie is dead after the restart: the client logs in again by itself
        DownloadHandle handle = client.submit(DownloadRequest.of("magnet:?xt=urn:btih:" + randomHash(), "Y", VolumeRange.of(2)));
        assertThat(client.status(handle).state()).isNotEqualTo(DownloadState.MISSING);
    }

    private JsonNode rawInfo(String hash) throws Exception {
        WebApi api = new WebApi(URI.create(qbt.daemon.url()), QBittorrentDaemon.USER, QBittorrentDaemon.PASSWORD, qbt.context.http(),
                RateLimiter.unlimited());
        JsonNode list = new ObjectMapper().readTree(api.get("/api/v2/torrents/info", Map.of("hashes", hash)).body());
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private String serve(String path, int status, Map<String, String> headers, byte[] body) throws Exception {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext(path, exchange -> {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        web.start();
        return "http://127.0.0.1:" + web.getAddress().getPort() + path;
    }

    private static final Random RANDOM = new Random();

    private static String randomHash() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return b.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
