package io.kanzen.api.client;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import java.util.List;

/** Makes configured {@link DownloadClient}s of one kind. */
public interface DownloadClientFactory {
    /** Unique kebab-case name of the kind, such as {@code qbittorrent}. */
    String name();

    /** The settings a client of this kind takes, in form order; the host validates values against them before {@link #create}. */
    List<ConfigProperty> configProperties();

    /** Makes a client with validated settings; called once per configured instance. */
    DownloadClient create(PluginConfig config, PluginContext context);

    /** A factory from its three parts, for plugins that need no class of their own for it. */
    static DownloadClientFactory of(String name, List<ConfigProperty> properties,
            java.util.function.BiFunction<PluginConfig, PluginContext, DownloadClient> create) {
        List<ConfigProperty> copy = List.copyOf(properties);
        return new DownloadClientFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return copy;
            }

            @Override
            public DownloadClient create(PluginConfig config, PluginContext context) {
                return create.apply(config, context);
            }
        };
    }
}
