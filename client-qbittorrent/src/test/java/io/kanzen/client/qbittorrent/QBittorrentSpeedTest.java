package io.kanzen.client.qbittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed and time left as a real transfer reports them: one qbittorrent-nox seeds, a second downloads from it over
 * loopback with its download rate capped, so that the transfer lasts long enough to be seen under way.
 */
class QBittorrentSpeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_transfer_under_way_reports_its_speed_and_time_left_and_a_finished_one_none_left(@TempDir Path seedDir, @TempDir Path leechDir)
            throws Exception {
        QBittorrentFixture seeder = new QBittorrentFixture();
        QBittorrentDaemon leecherDaemon = new QBittorrentDaemon(Files.createTempDirectory("kanzen-qbt-leech-"));
        leecherDaemon.start();
        try {
            byte[] content = new byte[2_000_000];
            new Random(7).nextBytes(content);
            Files.write(seedDir.resolve("Blame T01.cbz"), content);
            byte[] torrent = TestTorrents.singleFile("Blame T01.cbz", content);
            DownloadClient seeding = seeder.client();
            DownloadHandle seeded = seeding.submit(new DownloadRequest(null, LinkKind.TORRENT_FILE, torrent, "Blame", VolumeRange.of(1), null,
                    List.of(), seedDir.toString(), false));
            DownloadStatus complete = await().atMost(Duration.ofSeconds(20))
                    .until(() -> seeding.status(seeded), s -> s.state() == DownloadState.COMPLETED);
            assertThat(complete.etaSeconds()).isZero();

            WebApi leecherApi = new WebApi(URI.create(leecherDaemon.url()), QBittorrentDaemon.USER, QBittorrentDaemon.PASSWORD,
                    seeder.context.http(), RateLimiter.unlimited());
            // 100 KB/s, loopback peers included: the 2 MB take about 20 s
            assertThat(leecherApi.post("/api/v2/app/setPreferences",
                    Map.of("json", JSON.writeValueAsString(Map.of("dl_limit", 100_000, "limit_lan_peers", true, "limit_utp_rate", true,
                            "limit_tcp_overhead", false)))).status()).isEqualTo(200);
            var factory = new QBittorrentPlugin().downloadClientFactories().get(0);
            DownloadClient leeching = factory.create(PluginConfig.of(factory.configProperties(), Map.of("url", leecherDaemon.url(),
                    "username", QBittorrentDaemon.USER, "password", QBittorrentDaemon.PASSWORD)), seeder.context);
            DownloadHandle handle = leeching.submit(new DownloadRequest(null, LinkKind.TORRENT_FILE, torrent, "Blame", VolumeRange.of(1), null,
                    List.of(), leechDir.toString(), false));
            leecherApi.post("/api/v2/torrents/addPeers", Map.of("hashes", handle.id(), "peers", "127.0.0.1:" + seeder.daemon.torrentPort()));

            DownloadStatus moving = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> leeching.status(handle), s -> s.speed() > 0 && s.etaSeconds() > 0 && s.progress() < 1);
            assertThat(moving.state()).isEqualTo(DownloadState.DOWNLOADING);
            assertThat(moving.speed()).isBetween(1L, 1_000_000L);
            long left = (long) ((1 - moving.progress()) * content.length);
            assertThat(moving.etaSeconds()).as("time left for %d bytes at %d B/s", left, moving.speed())
                    .isBetween(1L, 10 * left / moving.speed() + 60);
            leeching.remove(handle, true);
        } finally {
            leecherDaemon.stop();
            seeder.daemon.stop();
        }
    }

    @Test
    void qbittorrents_never_eta_is_unknown_and_a_finished_torrent_has_none_left() throws Exception {
        assertThat(QBittorrentClient.eta(JSON.readTree("8640000"), 0.2)).isEqualTo(DownloadStatus.UNKNOWN);
        assertThat(QBittorrentClient.eta(JSON.readTree("42"), 0.2)).isEqualTo(42);
        assertThat(QBittorrentClient.eta(JSON.readTree("8640000"), 1)).isZero();
        assertThat(QBittorrentClient.eta(JSON.missingNode(), 0.5)).isEqualTo(DownloadStatus.UNKNOWN);
    }
}
