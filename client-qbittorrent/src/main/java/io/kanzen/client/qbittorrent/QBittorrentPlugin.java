package io.kanzen.client.qbittorrent;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.client.DownloadClientFactory;
import java.net.URI;
import java.util.List;

/** qBittorrent (Web API v2) as a download client. */
public final class QBittorrentPlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Web UI address", ConfigType.URL).asRequired().withDefault("http://localhost:8080")
                    .withDescription("The address of qBittorrent's Web UI, as in its settings (Web UI tab)."),
            ConfigProperty.of("username", "User name", ConfigType.STRING).asRequired().withDefault("admin"),
            ConfigProperty.of("password", "Password", ConfigType.STRING).asRequired().asSecret(),
            ConfigProperty.of("category", "Category", ConfigType.STRING).withDefault("manga")
                    .withDescription("Created in qBittorrent when missing; leave empty for none."),
            ConfigProperty.of("savePath", "Save path", ConfigType.STRING)
                    .withDescription("Where qBittorrent saves, as qBittorrent sees it; empty for its default."));

    @Override
    public String name() {
        return QBittorrentClient.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<DownloadClientFactory> downloadClientFactories() {
        return List.of(DownloadClientFactory.of(QBittorrentClient.NAME, SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            WebApi api = new WebApi(url, config.string("username"), config.string("password"), context.http(),
                    context.rateLimiter(url.getHost() + ":" + url.getPort()));
            return new QBittorrentClient(api, new TorrentFetcher(context), config.get("category").orElse(null),
                    config.get("savePath").orElse(null));
        }));
    }
}
