package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.Fixtures;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kanzen proposals}, {@code approve}, {@code reject} and {@code unreject} on a real data directory: One Piece owns
 * only volume 101, a Prowlarr served from the fixtures offers the "Tomes 1 à 100" pack, a check with automatic download
 * off (a first start) proposes it, and approving sends it to a real qbittorrent-nox.
 */
class CliProposalsTest {
    private static final String PACK = "One Piece Tomes 1 à 100 - Intégrale FR (CBZ)";
    private static QBittorrentDaemon qbittorrent;
    @StartStop
    final MockWebServer prowlarr = new MockWebServer();
    @TempDir
    Path tmp;
    private Console console;

    @BeforeAll
    static void startClient() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-cli-proposals-qbt-"));
        qbittorrent.start();
    }

    @AfterAll
    static void stopClient() {
        if (qbittorrent != null) {
            qbittorrent.stop();
        }
    }

    @BeforeEach
    void checked() throws Exception {
        prowlarr.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                String fixture = path.equals("/api/v1/search") ? "prowlarr/search_one_piece_tome_100.json" : "prowlarr/system_status.json";
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(Fixtures.text(fixture)).build();
            }
        });
        Files.write(Files.createDirectories(tmp.resolve("manga/One Piece")).resolve("One Piece - Tome 101.cbz"), new byte[] {1});
        try (Kanzen kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).pluginsDirectory(tmp.resolve("plugins")).build()) {
            kanzen.addLibrary("Manga", tmp.resolve("manga"));
            kanzen.scan(null);
            kanzen.saveSource("prowlarr", "prowlarr", Map.of("url", prowlarr.url("/").toString(), "apiKey", "0123456789abcdef0123"));
            kanzen.saveClient("qbittorrent", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER, "password",
                    QBittorrentDaemon.PASSWORD));
            kanzen.check(false, null); // automatic download is off on a first start: the check proposes
        }
        console = new Console(tmp.resolve("data"));
    }

    @AfterEach
    void restore() {
        console.close();
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--plugins-dir";
        all[args.length + 1] = tmp.resolve("plugins").toString();
        return console.run(all);
    }

    private long pendingId() throws Exception {
        assertThat(run("proposals", "--json")).isZero();
        return Json.MAPPER.readTree(console.stdout().strip().split("\n")[0]).path("id").asLong();
    }

    @Test
    void theProposalIsListedWithItsScoreAndApprovingItSendsItToQbittorrentOnce() throws Exception {
        assertThat(run("proposals")).isZero();
        assertThat(console.stdout().strip()).startsWith("#").contains("pending  One Piece 1-100  " + PACK).contains("[prowlarr]")
                .contains("7 seeders").contains("score ");
        assertThat(console.stdout()).doesNotContain("0123456789abcdef0123"); // the Prowlarr key never shows

        assertThat(run("proposals", "--json")).isZero();
        JsonNode p = Json.MAPPER.readTree(console.stdout().strip());
        assertThat(p.path("state").asText()).isEqualTo("pending");
        assertThat(p.path("volume").toString()).isEqualTo("[1,100]");
        assertThat(p.path("score_parts").findValuesAsText("name")).contains("series", "volumes", "language");
        long id = p.path("id").asLong();

        assertThat(run("proposals", "approve", String.valueOf(id))).as(console.stderr()).isZero();
        assertThat(console.stdout()).contains("#" + id + " approved: sent to qbittorrent as download #");

        assertThat(run("proposals", "approve", String.valueOf(id))).isEqualTo(1);
        assertThat(console.stderr().strip()).isEqualTo("kanzen: proposal " + id + " is approved: only a pending one can be approved");
        assertThat(run("proposals")).isZero();
        assertThat(console.stdout().strip()).isEqualTo("no pending proposal");
        assertThat(run("proposals", "--all")).isZero();
        assertThat(console.stdout()).contains("#" + id + "  approved").contains("download #").contains("(approved by hand)");
    }

    @Test
    void rejectingBlocklistsTheReleaseAndUnrejectingTakesItBack() throws Exception {
        long id = pendingId();

        assertThat(run("proposals", "reject", String.valueOf(id))).isZero();
        assertThat(console.stdout()).contains("#" + id + " rejected: " + PACK + " is blocklisted for One Piece");
        assertThat(run("proposals")).isZero();
        assertThat(console.stdout().strip()).isEqualTo("no pending proposal");
        assertThat(run("proposals", "--all", "--json")).isZero();
        assertThat(Json.MAPPER.readTree(console.stdout().strip()).path("reason_code").asText()).isEqualTo("rejected");

        assertThat(run("proposals", "unreject", String.valueOf(id))).isZero();
        assertThat(console.stdout()).contains("#" + id + " is pending again");
        assertThat(pendingId()).isEqualTo(id);
    }

    @Test
    void approvingAllSaysHowManyWereSent() throws Exception {
        assertThat(run("proposals", "approve", "--all")).as(console.stderr()).isZero();
        assertThat(console.stdout()).contains("approved  One Piece 1-100").contains("1 sent, 0 not sent");
    }

    @Test
    void mistakesAreSaidInASentenceWithAnExitCodeAndNoStackTrace() {
        assertThat(run("proposals", "approve", "999")).isEqualTo(1);
        assertThat(console.stderr().strip()).isEqualTo("kanzen: no proposal with id 999");
        assertThat(run("proposals", "reject", "999")).isEqualTo(1);
        assertThat(console.stderr().strip()).isEqualTo("kanzen: no proposal with id 999");
        assertThat(run("proposals", "unreject", "999")).isEqualTo(1);
        assertThat(console.stderr().strip()).isEqualTo("kanzen: no proposal with id 999");

        assertThat(run("proposals", "approve")).as("neither an id nor --all").isEqualTo(2);
        assertThat(console.stderr()).contains("give a proposal's ID or --all");
        assertThat(run("proposals", "approve", "1", "--all")).isEqualTo(2);
        assertThat(run("proposals", "reject", "abc")).isEqualTo(2);
        assertThat(console.stderr()).contains("abc").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
