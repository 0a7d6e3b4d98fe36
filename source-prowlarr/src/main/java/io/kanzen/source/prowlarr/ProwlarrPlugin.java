package io.kanzen.source.prowlarr;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SourceFactory;
import java.net.URI;
import java.util.List;

/** Prowlarr, the indexer aggregator, as a release source. */
public final class ProwlarrPlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Address", ConfigType.URL).asRequired().withDefault("http://localhost:9696"),
            ConfigProperty.of("apiKey", "API key", ConfigType.STRING).asRequired().asSecret()
                    .withDescription("Prowlarr → Settings → General → API Key."),
            ConfigProperty.of("indexerIds", "Indexers", ConfigType.LIST)
                    .withDescription("Indexer ids to search, comma-separated; empty for every enabled indexer."),
            ConfigProperty.of("categories", "Categories", ConfigType.LIST).withDefault("7000,7020,7030")
                    .withDescription("Newznab categories: 7000 Books, 7020 EBook, 7030 Comics; add a tracker's own manga id."));

    @Override
    public String name() {
        return ProwlarrSource.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of(ProwlarrSource.NAME, SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            ProwlarrApi api = new ProwlarrApi(url, config.string("apiKey"), context.http(),
                    context.rateLimiter(url.getHost() + ":" + url.getPort()));
            return new ProwlarrSource(api, config.list("indexerIds"), config.list("categories"), context.nameParser());
        }));
    }
}
