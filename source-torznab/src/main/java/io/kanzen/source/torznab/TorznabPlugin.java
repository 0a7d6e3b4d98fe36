package io.kanzen.source.torznab;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SourceFactory;
import java.net.URI;
import java.util.List;

/** Any Torznab (or Newznab) feed as a release source. */
public final class TorznabPlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Feed address", ConfigType.URL).asRequired()
                    .withDescription("The Torznab feed, without /api: Jackett → http://localhost:9117/api/v2.0/indexers/all/results/torznab ; "
                            + "Prowlarr → http://localhost:9696/{indexer id} ; NZBHydra 2 → http://localhost:5076/torznab"),
            ConfigProperty.of("apiPath", "API path", ConfigType.STRING).withDefault("/api")
                    .withDescription("Appended to the address; /api for nearly every indexer."),
            ConfigProperty.of("apiKey", "API key", ConfigType.STRING).asSecret()
                    .withDescription("Jackett: the key at the top of its dashboard; Prowlarr: Settings → General; empty for an open feed."),
            ConfigProperty.of("categories", "Categories", ConfigType.LIST).withDefault("7000,7020,7030")
                    .withDescription("Newznab categories: 7000 Books, 7020 EBook, 7030 Comics; add a tracker's own manga id (≥ 100000)."));

    @Override
    public String name() {
        return TorznabSource.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of(TorznabSource.NAME, SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            TorznabApi api = new TorznabApi(url, config.string("apiPath"), config.get("apiKey").orElse(null), context.http(),
                    context.rateLimiter(url.getHost() + ":" + url.getPort()), context.clock());
            return new TorznabSource(api, config.list("categories"), context.nameParser());
        }));
    }
}
