package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torrent URLs Kanzen fetches on a user's or a release's word: a listener on this machine that is no configured
 * peer must never see a connection, asked directly or through a redirect from an allowed peer; the configured
 * Prowlarr on loopback keeps working.
 */
class OutboundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    private Kanzen kanzen;
    private KanzenServer server;
    private String base;
    private Map<String, String> auth;
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (Exception closed) {
                    return;
                }
            }
        }, "listener");
        acceptor.start();
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        kanzen.accounts().setUp("admin", "kanzen-admin-pw");
        auth = Map.of("X-Api-Key", kanzen.accounts().apiKey(), "Content-Type", "application/json");
        kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "k"));
        kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", "http://127.0.0.1:1", "password", "x")); // nothing listens there
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        acceptor.join(2000);
        server.close();
        kanzen.close();
    }

    private HttpResponse<String> download(String link) throws Exception {
        String body = JSON.writeValueAsString(Map.of("link", link, "title", "One Piece", "volume_num", 100));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/missing-monitor/download")).POST(HttpRequest.BodyPublishers.ofString(body))
                .headers(auth.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    @Test
    void aLocalListenerThatIsNoConfiguredPeerSeesNoConnectionWhenAskedDirectly() throws Exception {
        int port = listener.getLocalPort();
        for (String link : new String[] {"http://127.0.0.1:" + port + "/x.torrent", "http://localhost:" + port + "/x.torrent",
            "http://[::1]:" + port + "/x.torrent", "http://0.0.0.0:" + port + "/x.torrent", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/x.torrent"}) {
            HttpResponse<String> r = download(link);
            assertThat(r.statusCode()).as(link).isEqualTo(400);
            assertThat(error(r)).as(link).contains("private or local address").contains("not a configured source or download client");
        }
        Thread.sleep(200);
        assertThat(connections).hasValue(0);
    }

    @Test
    void aRedirectFromAnAllowedPeerToTheListenerIsCheckedAgainAndRefused() throws Exception {
        prowlarr.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://127.0.0.1:" + listener.getLocalPort() + "/evil.torrent").build());

        HttpResponse<String> r = download(prowlarr.url("/api/v1/indexer/1/download?link=abc").toString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r)).contains("127.0.0.1").contains("private or local address");
        assertThat(prowlarr.getRequestCount()).isEqualTo(1); // the configured Prowlarr on loopback was fetched
        Thread.sleep(200);
        assertThat(connections).hasValue(0);
    }

    @Test
    void aTorrentFromTheConfiguredProwlarrOnLoopbackIsStillFetched() throws Exception {
        byte[] torrent = "d4:infod6:lengthi1e4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee".getBytes(StandardCharsets.US_ASCII);
        prowlarr.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(torrent)).build());

        HttpResponse<String> r = download(prowlarr.url("/api/v1/indexer/1/download?link=abc").toString());

        assertThat(prowlarr.getRequestCount()).isEqualTo(1);
        assertThat(r.statusCode()).isEqualTo(503); // fetched and read; then the (absent) qBittorrent is the failure
        assertThat(error(r)).contains("qBittorrent");
    }
}
