package io.kanzen.client.qbittorrent;

import io.kanzen.api.PluginConfig;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.QBittorrentDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One real qbittorrent-nox per test class, and clients configured for it. */
final class QBittorrentFixture {
    final QBittorrentDaemon daemon;
    final TestPluginContext context = TestPluginContext.create();

    QBittorrentFixture() throws Exception {
        daemon = new QBittorrentDaemon(Files.createTempDirectory("kanzen-qbt-"));
        daemon.start();
    }

    DownloadClient client(String url, String password) {
        var factory = new QBittorrentPlugin().downloadClientFactories().get(0);
        return factory.create(PluginConfig.of(factory.configProperties(),
                Map.of("url", url, "username", QBittorrentDaemon.USER, "password", password)), context);
    }

    DownloadClient client() {
        return client(daemon.url(), QBittorrentDaemon.PASSWORD);
    }

    Path downloads() {
        return daemon.downloads();
    }
}
