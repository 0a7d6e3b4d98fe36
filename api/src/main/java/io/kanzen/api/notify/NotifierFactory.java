package io.kanzen.api.notify;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Makes configured {@link Notifier}s of one kind. The host adds two settings of its own to every notifier,
 * {@code events} and {@code language}: a factory must not declare keys of those names.
 */
public interface NotifierFactory {
    /** Settings every notifier gets from the host; a factory declaring one of these keys is refused. */
    List<String> HOST_KEYS = List.of("events", "language");

    /** Unique kebab-case name of the kind, such as {@code discord}. */
    String name();

    List<ConfigProperty> configProperties();

    Notifier create(PluginConfig config, PluginContext context);

    /** A factory from its three parts, for plugins that need no class of their own for it. */
    static NotifierFactory of(String name, List<ConfigProperty> properties, BiFunction<PluginConfig, PluginContext, Notifier> create) {
        List<ConfigProperty> copy = List.copyOf(properties);
        return new NotifierFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return copy;
            }

            @Override
            public Notifier create(PluginConfig config, PluginContext context) {
                return create.apply(config, context);
            }
        };
    }
}
