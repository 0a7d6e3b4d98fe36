package io.kanzen.core;

import io.kanzen.api.Plugin;
import java.util.List;
import java.util.Objects;

/**
 * A plugin that passed the checks and is in use. {@code location} is its JAR or class-path entry; {@code manifest}
 * what its JAR says of itself (version, description, SPI range).
 */
public record LoadedPlugin(String name, PluginOrigin origin, String location, Plugin plugin, PluginManifest manifest) {
    public LoadedPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(plugin, "plugin");
        manifest = manifest == null ? PluginManifest.UNKNOWN : manifest;
    }

    /** With the manifest of the JAR the plugin's class came from. */
    public LoadedPlugin(String name, PluginOrigin origin, String location, Plugin plugin) {
        this(name, origin, location, plugin, PluginManifest.of(plugin.getClass()));
    }

    /** What the plugin makes, as {@code source:prowlarr}, {@code client:qbittorrent}, {@code scorer:…}, {@code notifier:discord}. */
    public List<String> kinds() {
        List<String> out = new java.util.ArrayList<>();
        plugin.sourceFactories().forEach(f -> out.add("source:" + f.name()));
        plugin.downloadClientFactories().forEach(f -> out.add("client:" + f.name()));
        plugin.scorerFactories().forEach(f -> out.add("scorer:" + f.name()));
        plugin.notifierFactories().forEach(f -> out.add("notifier:" + f.name()));
        return List.copyOf(out);
    }
}
