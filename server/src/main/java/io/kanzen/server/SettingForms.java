package io.kanzen.server;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.SettingTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plugin kind's settings as the settings forms read them: per setting its key, type, flags and its texts in every
 * language ({@code texts: {fr: {label, help}, en: {label, help}}}) from the plugin JAR's bundle, falling back to the
 * declaration's English {@code label} and {@code description} (kept as fields for older readers), and the values it
 * takes that the bundle names ({@code choices: [{value, texts: {fr, en}}]}, in the bundle's order: a notifier's
 * events, its language). A kind's own name in every language is {@link #kind}.
 */
final class SettingForms {
    /** The texts of the settings the host adds to every notifier (events, language...). */
    static final SettingTexts HOST = SettingTexts.load(io.kanzen.core.Kanzen.class.getClassLoader(), "io.kanzen.core.HostSettings");

    private SettingForms() {}

    /** The values of setting {@code key} its bundle names, each with its texts: {@code [{value, texts: {fr, en}}]}. */
    static List<Map<String, Object>> choices(SettingTexts texts, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        texts.choices(key).forEach((value, byLanguage) -> out.add(Map.of("value", value, "texts", byLanguage)));
        return out;
    }

    /** A plugin kind of the settings forms: its name, its plugin, its name in every language and its settings. */
    static Map<String, Object> kind(String name, String plugin, SettingTexts texts, List<ConfigProperty> properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", name);
        m.put("plugin", plugin);
        m.put("texts", texts.kindLabels(name));
        m.put("properties", properties(properties, texts));
        return m;
    }

    /**
     * The texts of the factory {@code kind} of {@code role} (sources, clients, scorers, notifiers) from the plugin that
     * has it; none (the declarations' English) when no loaded plugin does.
     */
    static SettingTexts texts(io.kanzen.core.Kanzen kanzen, String role, String kind) {
        for (io.kanzen.core.LoadedPlugin p : kanzen.plugins()) {
            io.kanzen.api.Plugin plugin = p.plugin();
            boolean has = switch (role) {
                case "sources" -> plugin.sourceFactories().stream().anyMatch(f -> f.name().equals(kind));
                case "clients" -> plugin.downloadClientFactories().stream().anyMatch(f -> f.name().equals(kind));
                case "scorers" -> plugin.scorerFactories().stream().anyMatch(f -> f.name().equals(kind));
                default -> plugin.notifierFactories().stream().anyMatch(f -> f.name().equals(kind));
            };
            if (has) {
                return SettingTexts.of(plugin.getClass(), kind);
            }
        }
        return SettingTexts.load(SettingForms.class.getClassLoader(), "io.kanzen.server.none");
    }

    static List<Map<String, Object>> properties(List<ConfigProperty> properties, SettingTexts texts) {
        List<Map<String, Object>> props = new ArrayList<>();
        for (ConfigProperty c : properties) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("label", c.label());
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            m.put("required", c.required());
            m.put("secret", c.secret());
            m.put("default", c.defaultValue());
            m.put("description", c.description());
            m.put("texts", texts.of(c));
            m.put("choices", choices(texts, c.key()));
            props.add(m);
        }
        return props;
    }
}
