package io.kanzen.core;

import java.util.Map;

/**
 * A source or download client the user set up.
 *
 * @param kind     the plugin factory that makes it ({@code qbittorrent}, {@code amule}, {@code prowlarr})
 * @param settings its settings, secret ones shown as {@code ****}: never the secret itself
 */
public record ConfiguredInstance(String name, String kind, Map<String, String> settings) {
    public static final String MASK = "****";

    public ConfiguredInstance {
        settings = Map.copyOf(settings);
    }
}
