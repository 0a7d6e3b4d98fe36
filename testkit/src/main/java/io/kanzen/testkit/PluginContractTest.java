package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginException;
import io.kanzen.api.SettingTexts;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.api.source.SourceFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The promises every plugin keeps. Extend it and return the plugin. */
public abstract class PluginContractTest {
    protected abstract Plugin plugin();

    @Test
    void the_plugin_name_is_kebab_case() {
        assertThat(plugin().name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    }

    @Test
    void the_plugin_speaks_the_current_spi_version() {
        assertThat(SpiVersion.compatible(plugin().spiVersion())).as("SPI version " + plugin().spiVersion() + " runs in a host speaking "
                + SpiVersion.CURRENT).isTrue();
    }

    @Test
    void the_plugin_is_listed_for_service_loader() {
        Class<?> type = plugin().getClass();
        assertThat(ServiceLoader.load(Plugin.class, type.getClassLoader()).stream().map(ServiceLoader.Provider::type))
                .as("META-INF/services/io.kanzen.api.Plugin lists " + type.getName())
                .contains(type.asSubclass(Plugin.class));
    }

    @Test
    void factory_names_are_unique_kebab_case_and_settings_are_well_formed() {
        Set<String> names = new HashSet<>();
        for (SourceFactory f : plugin().sourceFactories()) {
            checkFactory("source", f.name(), f.configProperties(), names);
        }
        for (DownloadClientFactory f : plugin().downloadClientFactories()) {
            checkFactory("client", f.name(), f.configProperties(), names);
        }
        for (NotifierFactory f : plugin().notifierFactories()) {
            checkFactory("notifier", f.name(), f.configProperties(), names);
            assertThat(f.configProperties()).as("settings of notifier " + f.name() + " leave the host's keys " + NotifierFactory.HOST_KEYS)
                    .noneMatch(p -> NotifierFactory.HOST_KEYS.contains(p.key()));
        }
    }

    @Test
    void a_factory_given_no_settings_refuses_with_a_configuration_error_naming_what_is_required() {
        for (SourceFactory f : plugin().sourceFactories()) {
            refusesEmptySettings(f.configProperties());
        }
        for (DownloadClientFactory f : plugin().downloadClientFactories()) {
            refusesEmptySettings(f.configProperties());
        }
        for (NotifierFactory f : plugin().notifierFactories()) {
            refusesEmptySettings(f.configProperties());
        }
    }

    /**
     * The settings forms are in French and English: every setting of every factory has a label of its own in both,
     * shipped by the plugin JAR ({@code <factory name>_fr.properties} and {@code _en.properties} in the package of the
     * plugin class, see {@link SettingTexts}).
     */
    @Test
    void every_setting_has_a_french_and_an_english_label_shipped_by_the_plugin() {
        Map<String, List<ConfigProperty>> factories = new java.util.LinkedHashMap<>();
        plugin().sourceFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        plugin().downloadClientFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        plugin().scorerFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        plugin().notifierFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        List<String> missing = new ArrayList<>();
        factories.forEach((name, properties) -> {
            SettingTexts texts = SettingTexts.of(plugin().getClass(), name);
            for (ConfigProperty p : properties) {
                for (String lang : SettingTexts.LANGUAGES) {
                    if (!texts.hasLabel(lang, p)) {
                        missing.add(plugin().getClass().getPackageName().replace('.', '/') + "/" + name + "_" + lang + ".properties: "
                                + p.key() + ".label");
                    }
                }
            }
        });
        assertThat(missing).as("setting labels missing").isEmpty();
    }

    /**
     * A setting's value texts ({@code <key>.choice.<value>}) and the factory's own name ({@code _kind.label}) are given
     * in French and in English alike, for settings the factory declares: a value said in one language only would show
     * untranslated in the other, and a text for an unknown setting is a typo.
     */
    @Test
    void every_choice_text_and_kind_name_is_shipped_in_both_languages_for_a_declared_setting() {
        Map<String, List<ConfigProperty>> factories = new java.util.LinkedHashMap<>();
        plugin().sourceFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        plugin().downloadClientFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        plugin().scorerFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        plugin().notifierFactories().forEach(f -> factories.put(f.name(), f.configProperties()));
        List<String> wrong = new ArrayList<>();
        factories.forEach((name, properties) -> {
            SettingTexts texts = SettingTexts.of(plugin().getClass(), name);
            Set<String> declared = new HashSet<>(properties.stream().map(ConfigProperty::key).toList());
            for (String lang : SettingTexts.LANGUAGES) {
                for (String key : texts.keys(lang)) {
                    int choice = key.indexOf(".choice.");
                    if (choice < 0 && !key.equals(SettingTexts.KIND_LABEL)) {
                        continue;
                    }
                    String file = name + "_" + lang + ".properties: " + key;
                    if (choice >= 0 && !declared.contains(key.substring(0, choice))) {
                        wrong.add(file + " is for no declared setting");
                    }
                    for (String other : SettingTexts.LANGUAGES) {
                        if (texts.text(other, key).isEmpty()) {
                            wrong.add(file + " has no " + other + " text");
                        }
                    }
                }
            }
        });
        assertThat(wrong).as("choice and kind texts").isEmpty();
    }

    private static void refusesEmptySettings(List<ConfigProperty> properties) {
        List<ConfigProperty> required = new ArrayList<>(properties.stream().filter(p -> p.required() && p.defaultValue() == null).toList());
        if (required.isEmpty()) {
            return;
        }
        assertThatThrownBy(() -> PluginConfig.of(properties, Map.of()))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains(required.get(0).key());
                });
    }

    private static void checkFactory(String kind, String name, List<ConfigProperty> properties, Set<String> names) {
        assertThat(name).as(kind + " factory name").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
        assertThat(names.add(kind + ":" + name)).as("unique " + kind + " factory " + name).isTrue();
        assertThat(properties).as("settings of " + name).isNotNull();
        Set<String> keys = new HashSet<>();
        for (ConfigProperty p : properties) {
            assertThat(keys.add(p.key())).as("setting " + p.key() + " of " + name + " is declared once").isTrue();
        }
    }
}
