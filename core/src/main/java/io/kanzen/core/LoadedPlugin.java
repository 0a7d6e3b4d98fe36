package io.kanzen.core;

import io.kanzen.api.Plugin;
import java.util.Objects;

/** A plugin that passed the checks and is in use. {@code location} is its JAR or class-path entry. */
public record LoadedPlugin(String name, PluginOrigin origin, String location, Plugin plugin) {
    public LoadedPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(plugin, "plugin");
    }
}
