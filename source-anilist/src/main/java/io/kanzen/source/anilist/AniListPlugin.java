package io.kanzen.source.anilist;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SourceFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** AniList, the anime and manga database, as a metadata source: no account, no key. */
public final class AniListPlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "API address", ConfigType.URL).asRequired().withDefault("https://graphql.anilist.co")
                    .withDescription("AniList's GraphQL endpoint; change it only for a proxy or a test."),
            ConfigProperty.of("minIntervalSeconds", "Seconds between requests", ConfigType.INTEGER).asRequired().withDefault("2")
                    .withDescription("AniList documents 90 requests a minute but serves 30 while \"degraded\" (its X-RateLimit-Limit): "
                            + "2 s keeps under it whatever the host's pace."));

    @Override
    public String name() {
        return AniListSource.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of(AniListSource.NAME, SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            Pacer pacer = new Pacer(Duration.ofSeconds(Math.max(0, config.integer("minIntervalSeconds"))), context.clock());
            return new AniListSource(new AniListApi(url, context.http(), context.rateLimiter(url.getHost()), pacer, context.clock()));
        }));
    }
}
