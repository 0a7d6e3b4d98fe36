package io.kanzen.api.scoring;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import java.util.List;

/** Makes configured {@link Scorer}s. */
public interface ScorerFactory {
    String name();

    List<ConfigProperty> configProperties();

    Scorer create(PluginConfig config);
}
