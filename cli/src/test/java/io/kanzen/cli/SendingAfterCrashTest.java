package io.kanzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.DownloadState;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.Download;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill between recording a grab and sending it, against a real qbittorrent-nox: the rows a killed Kanzen leaves
 * SENDING are settled when Kanzen starts again, by asking the client for the link's hash.
 */
class SendingAfterCrashTest {
    private static final String GOT_IT = "0123456789abcdef0123456789abcdef0123aaaa";
    private static final String NEVER_GOT_IT = "0123456789abcdef0123456789abcdef0123bbbb";

    @TempDir
    Path tmp;
    private QBittorrentDaemon qbittorrent;

    @BeforeEach
    void start() throws Exception {
        qbittorrent = new QBittorrentDaemon(Files.createTempDirectory("kanzen-sending-qbt-"));
        qbittorrent.start();
    }

    @AfterEach
    void stop() {
        qbittorrent.stop();
    }

    @Test
    void at_start_a_grab_the_client_has_becomes_sent_and_one_it_lacks_is_sent_again_once() throws Exception {
        Path data = tmp.resolve("data");
        Instant killedAt = Instant.now().minus(Duration.ofMinutes(10));
        try (Kanzen before = Kanzen.builder().dataDirectory(data).clock(Clock.fixed(killedAt, ZoneOffset.UTC)).build()) {
            before.saveClient("qbt", "qbittorrent", Map.of("url", qbittorrent.url(), "username", QBittorrentDaemon.USER,
                    "password", QBittorrentDaemon.PASSWORD));
            // the client got this one, and then Kanzen was killed before it wrote down the answer
            Grab got = before.grab("qbt", magnet(GOT_IT, "One Piece T100"), "One Piece", VolumeRange.of(100));
            leftSending(data, got.id());
        }
        // and this one was killed between the row and the call
        insertSending(data, magnet(NEVER_GOT_IT, "One Piece T101"), "One Piece", 101, killedAt);

        try (Kanzen after = Kanzen.builder().dataDirectory(data).owner(true).build()) {
            after.startScheduler(); // what the server does at start

            List<Download> settled = awaitNoneSending(after);

            assertThat(settled).hasSize(2).allSatisfy(d -> {
                assertThat(d.grab().state()).isEqualTo(Grab.State.SENT);
                assertThat(d.status()).isNotNull();
                assertThat(d.status().state()).isNotEqualTo(DownloadState.MISSING); // qBittorrent has both
            });
            assertThat(byHandle(settled, GOT_IT).grab().message()).contains("found at the client");
            assertThat(byHandle(settled, NEVER_GOT_IT).grab().message()).contains("sent again");

            after.check(false, null); // a later check settles nothing twice
            assertThat(after.downloads()).extracting(d -> d.grab().message()).containsExactlyInAnyOrderElementsOf(
                    settled.stream().map(d -> d.grab().message()).toList());
        }
    }

    private static Download byHandle(List<Download> downloads, String hash) {
        return downloads.stream().filter(d -> hash.equals(d.grab().handle())).findFirst().orElseThrow();
    }

    private static List<Download> awaitNoneSending(Kanzen kanzen) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Download> all = kanzen.downloads();
            if (all.stream().noneMatch(d -> d.grab().state() == Grab.State.SENDING)) {
                return all;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("grabs still SENDING after 30 s: " + kanzen.downloads());
    }

    private static String magnet(String hash, String name) {
        return "magnet:?xt=urn:btih:" + hash + "&dn=" + name.replace(' ', '+');
    }

    private static void leftSending(Path data, long grabId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("manga_library.db"));
                PreparedStatement s = c.prepareStatement("UPDATE grab SET state = 'SENDING', handle = NULL WHERE id = ?")) {
            s.setLong(1, grabId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void insertSending(Path data, String link, String title, int volume, Instant at) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("manga_library.db"));
                PreparedStatement s = c.prepareStatement("INSERT INTO grab (client, title, volume_from, volume_to, link, state, created_at, updated_at)"
                        + " VALUES ('qbt', ?, ?, ?, ?, 'SENDING', ?, ?)")) {
            s.setString(1, title);
            s.setDouble(2, volume);
            s.setDouble(3, volume);
            s.setString(4, link);
            s.setString(5, at.toString());
            s.setString(6, at.toString());
            s.executeUpdate();
        }
    }
}
