package io.kanzen.client.amule;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.client.DownloadClientFactory;
import java.util.List;

/** aMule (External Connections, protocol 0x0204) as a download client for ed2k links. */
public final class AmulePlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("host", "Host", ConfigType.STRING).asRequired().withDefault("localhost"),
            ConfigProperty.of("port", "External connections port", ConfigType.INTEGER).asRequired().withDefault("4712")
                    .withDescription("aMule's ECPort (Preferences, Remote controls)."),
            ConfigProperty.of("password", "External connections password", ConfigType.STRING).asRequired().asSecret());

    @Override
    public String name() {
        return AmuleClient.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<DownloadClientFactory> downloadClientFactories() {
        return List.of(DownloadClientFactory.of(AmuleClient.NAME, SETTINGS, (config, context) -> {
            String host = config.string("host");
            int port = (int) config.integer("port");
            return new AmuleClient(host, port, config.string("password"), context.http(), context.rateLimiter(host + ":" + port));
        }));
    }
}
