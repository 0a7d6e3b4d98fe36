package io.kanzen.api.client;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import java.util.List;

/** Makes configured {@link DownloadClient}s of one kind. */
public interface DownloadClientFactory {
    String name();

    List<ConfigProperty> configProperties();

    DownloadClient create(PluginConfig config, PluginContext context);
}
