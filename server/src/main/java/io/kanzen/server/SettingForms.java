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
 * declaration's English {@code label} and {@code description} (kept as fields for older readers).
 */
final class SettingForms {
    /** The texts of the settings the host adds to every notifier (events, language...). */
    static final SettingTexts HOST = SettingTexts.load(io.kanzen.core.Kanzen.class.getClassLoader(), "io.kanzen.core.HostSettings");

    private SettingForms() {}

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
            props.add(m);
        }
        return props;
    }
}
