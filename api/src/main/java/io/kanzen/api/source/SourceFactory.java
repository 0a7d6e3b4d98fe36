package io.kanzen.api.source;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import java.util.List;

/** Makes configured {@link Source}s of one kind. */
public interface SourceFactory {
    /** Unique kebab-case name of the kind, such as {@code prowlarr}. */
    String name();

    List<ConfigProperty> configProperties();

    Source create(PluginConfig config, PluginContext context);
}
