package io.kanzen.source.nautiljon;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SourceFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Nautiljon, the French manga database, as a metadata source. */
public final class NautiljonPlugin implements Plugin {
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Address", ConfigType.URL).asRequired().withDefault("https://www.nautiljon.com/"),
            ConfigProperty.of("minIntervalSeconds", "Seconds between requests", ConfigType.INTEGER).asRequired().withDefault("5")
                    .withDescription("Nautiljon bans addresses that go too fast: keep 5 or more."),
            ConfigProperty.of("cacheHours", "Keep pages for (hours)", ConfigType.INTEGER).asRequired().withDefault("24"));

    @Override
    public String name() {
        return NautiljonSource.NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of(NautiljonSource.NAME, SETTINGS, (config, context) -> {
            String url = config.string("url");
            URI base = URI.create(url.endsWith("/") ? url : url + "/");
            Pacer pacer = Pacer.of(Duration.ofSeconds(Math.max(0, config.integer("minIntervalSeconds"))), context.clock());
            PageCache cache = new PageCache(context.workDirectory().resolve("pages"), Duration.ofHours(Math.max(0, config.integer("cacheHours"))),
                    context.clock());
            return new NautiljonSource(new NautiljonSite(base, context.http(), context.rateLimiter(base.getHost()), pacer, cache,
                    context.workDirectory()));
        }));
    }
}
