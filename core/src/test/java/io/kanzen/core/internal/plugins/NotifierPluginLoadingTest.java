package io.kanzen.core.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.core.LoadedPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notifier factories are loaded like sources and clients; one that takes a host setting's name is refused. */
class NotifierPluginLoadingTest {
    private static Plugin plugin(String name, NotifierFactory... factories) {
        return new Plugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String spiVersion() {
                return SpiVersion.CURRENT;
            }

            @Override
            public List<NotifierFactory> notifierFactories() {
                return List.of(factories);
            }
        };
    }

    private static NotifierFactory factory(String kind, ConfigProperty... settings) {
        return NotifierFactory.of(kind, List.of(settings), (config, context) -> n -> {});
    }

    @Test
    void notifier_factories_are_found_by_kind_and_a_second_of_the_same_kind_is_refused() {
        Plugin first = plugin("pushes", factory("pager"));
        Plugin second = plugin("more-pushes", factory("pager"));
        try (PluginSet set = new PluginLoader(getClass().getClassLoader()).load(List.of(first, second), false, null)) {
            assertThat(set.notifierFactory("pager")).isPresent();
            assertThat(set.plugins()).extracting(LoadedPlugin::name).containsExactly("pushes");
            assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("'pager' already exists"));
        }
    }

    @Test
    void a_notifier_declaring_a_setting_the_host_keeps_is_skipped_with_the_reason() {
        Plugin greedy = plugin("greedy", factory("pager", ConfigProperty.of("events", "Events", ConfigType.LIST)));
        try (PluginSet set = new PluginLoader(getClass().getClassLoader()).load(List.of(greedy), false, null)) {
            assertThat(set.plugins()).isEmpty();
            assertThat(set.notifierFactories()).isEmpty();
            assertThat(set.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("declares the setting 'events', which the host keeps for itself"));
        }
    }
}
