package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kanzen.testkit.daemon.AmuleDaemon;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kanzen clients / grab / downloads} end to end, against a real qbittorrent-nox and a real amuled. */
class CliDownloadTest {
    private static QBittorrentDaemon qbittorrent;
    private static AmuleDaemon amule;

    @TempDir
    Path tmp;
    private Console console;

    @BeforeAll
    static void startDaemons() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-cli-qbt-"));
        amule = new AmuleDaemon(Files.createTempDirectory("kanzen-cli-amule-"));
        qbittorrent.start();
        amule.start();
    }

    @AfterAll
    static void stopDaemons() {
        qbittorrent.stop();
        amule.stop();
    }

    @BeforeEach
    void capture() {
        console = new Console(tmp.resolve("data"));
    }

    @AfterEach
    void restore() {
        console.close();
    }

    @Test
    void a_magnet_grabbed_through_qbittorrent_shows_in_downloads() throws Exception {
        assertThat(run("clients", "add", "qbittorrent", "--set", "url=" + qbittorrent.url(), "--set", "username=" + QBittorrentDaemon.USER,
                "--set", "password=" + QBittorrentDaemon.PASSWORD)).isZero();
        assertThat(stdout()).contains("password=****").doesNotContain(QBittorrentDaemon.PASSWORD);
        assertThat(run("clients", "test", "qbittorrent")).isZero();

        String hash = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
        assertThat(run("grab", "--client", "qbittorrent", "--link", "magnet:?xt=urn:btih:" + hash + "&dn=One+Piece+T100",
                "--title", "One Piece", "--volume", "100")).isZero();
        assertThat(stdout()).contains("sent to qbittorrent: One Piece 100").contains(hash);

        assertThat(run("downloads", "--json")).isZero();
        JsonNode d = Json.MAPPER.readTree(stdout().strip());
        assertThat(d.path("client").asText()).isEqualTo("qbittorrent");
        assertThat(d.path("handle").asText()).isEqualTo(hash);
        assertThat(d.path("volume").toString()).isEqualTo("[100,100]");
        assertThat(d.path("state").asText()).isIn("queued", "downloading", "stalled");
    }

    @Test
    void an_ed2k_link_goes_to_amule_without_naming_it_and_a_stopped_amule_is_reported_not_thrown() throws Exception {
        assertThat(run("clients", "add", "mule", "--type", "amule", "--set", "host=127.0.0.1", "--set", "port=" + amule.ecPort(),
                "--set", "password=" + AmuleDaemon.EC_PASSWORD)).isZero();
        String link = "ed2k://|file|Vinland%20Saga%20-%20Tome%2012.cbz|41943040|00112233445566778899AABBCCDDEEFF|/";

        assertThat(run("grab", "--link", link, "--title", "Vinland Saga", "--volume", "12")).isZero();
        assertThat(stdout()).contains("sent to mule").contains("00112233445566778899aabbccddeeff");
        assertThat(run("downloads")).isZero();
        assertThat(stdout()).contains("mule").contains("stalled").contains("Vinland Saga 12");

        amule.stop();
        try {
            assertThat(run("downloads")).isZero();
            assertThat(stdout()).contains("unknown").contains("aMule does not answer");
            assertThat(run("clients", "test", "mule")).isEqualTo(1);
            assertThat(console.stderr()).startsWith("kanzen: mule: aMule does not answer").doesNotContain("Exception");
        } finally {
            amule.start();
        }
    }

    @Test
    void a_cut_ed2k_link_and_a_wrong_password_are_explained_in_one_line() {
        run("clients", "add", "mule", "--type", "amule", "--set", "host=127.0.0.1", "--set", "port=" + amule.ecPort(), "--set", "password=wrong");
        assertThat(run("grab", "--link", "ed2k://|file|Naruto.T01.cbz|1234|00112233", "--title", "Naruto")).isEqualTo(1);
        assertThat(console.stderr()).contains("cut short");
        assertThat(run("clients", "test", "mule")).isEqualTo(1);
        assertThat(console.stderr().strip()).isEqualTo("kanzen: mule: aMule refused the password");
    }

    private int run(String... args) {
        return console.run(args);
    }

    private String stdout() {
        return console.stdout();
    }
}
