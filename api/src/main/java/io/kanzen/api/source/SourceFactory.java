package io.kanzen.api.source;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import java.util.List;

/** Makes configured {@link Source}s of one kind. */
public interface SourceFactory {
    /** Unique kebab-case name of the kind, such as {@code prowlarr}. */
    String name();

    /** The settings a source of this kind takes, in form order; the host validates values against them before {@link #create}. */
    List<ConfigProperty> configProperties();

    /**
     * Makes a source with validated settings. Called once per configured instance; the source lives until closed.
     *
     * @throws io.kanzen.api.PluginException of kind {@code CONFIGURATION} when the settings cannot work together
     */
    Source create(PluginConfig config, PluginContext context);

    /** A factory from its three parts, for plugins that need no class of their own for it. */
    static SourceFactory of(String name, List<ConfigProperty> properties, java.util.function.BiFunction<PluginConfig, PluginContext, Source> create) {
        List<ConfigProperty> copy = List.copyOf(properties);
        return new SourceFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return copy;
            }

            @Override
            public Source create(PluginConfig config, PluginContext context) {
                return create.apply(config, context);
            }
        };
    }
}
