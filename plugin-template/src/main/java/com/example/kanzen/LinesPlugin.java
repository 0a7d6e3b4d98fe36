package com.example.kanzen;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SourceFactory;
import java.net.URI;
import java.util.List;

/**
 * The plugin's entry point, listed in {@code META-INF/services/io.kanzen.api.Plugin}. It only hands out factories:
 * Kanzen decides when to create sources, with the settings the user gave.
 */
public final class LinesPlugin implements Plugin {
    /** The settings form: Kanzen validates values against these before calling the factory. */
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Address", ConfigType.URL).asRequired()
                    .withDescription("Where the site answers GET /search?q=…, such as http://localhost:8080/"),
            ConfigProperty.of("apiKey", "API key", ConfigType.STRING).asRequired().asSecret()
                    .withDescription("Sent in the X-Api-Key header; stored encrypted, never shown again."));

    @Override
    public String name() {
        return "lines"; // kebab-case, unique among the plugins Kanzen loads
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT; // a constant: javac copies the value of the API this plugin is compiled against
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of("lines", SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            // one limiter per peer: every instance pointing at the same host shares the host's pace
            return new LinesSource(url, config.string("apiKey"), context.http(), context.rateLimiter(url.getHost() + ":" + url.getPort()),
                    context.nameParser());
        }));
    }
}
