package io.kanzen.core;

import java.util.Map;

/**
 * A download client the user set up.
 *
 * @param kind     the plugin factory that makes it ({@code qbittorrent}, {@code amule})
 * @param settings its settings, secret ones shown as {@code ****}: never the secret itself
 */
public record ConfiguredClient(String name, String kind, Map<String, String> settings) {
    public static final String MASK = "****";

    public ConfiguredClient {
        settings = Map.copyOf(settings);
    }
}
