package io.kanzen.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The validated settings of one source or client instance: every value matches its {@link ConfigProperty},
 * defaults are applied, and required ones are present. Secret values arrive decrypted; {@link #toString()}
 * masks them.
 */
public final class PluginConfig {
    private final Map<String, ConfigProperty> properties;
    private final Map<String, String> values;

    private PluginConfig(Map<String, ConfigProperty> properties, Map<String, String> values) {
        this.properties = properties;
        this.values = values;
    }

    /**
     * Checks {@code raw} against {@code properties}.
     *
     * @throws PluginException of kind {@link ErrorKind#CONFIGURATION} naming every problem found
     */
    public static PluginConfig of(List<ConfigProperty> properties, Map<String, String> raw) {
        Map<String, ConfigProperty> byKey = new LinkedHashMap<>();
        for (ConfigProperty p : properties) {
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException("config property '" + p.key() + "' is declared twice");
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigProperty p : properties) {
            String value = raw.get(p.key());
            if (value == null || value.isBlank()) {
                value = p.defaultValue();
            }
            if (value == null || value.isBlank()) {
                if (p.required()) {
                    problems.add("'" + p.label() + "' (" + p.key() + ") is required");
                }
                continue;
            }
            String problem = p.problemWith(value);
            if (problem != null) {
                problems.add(problem);
            } else {
                values.put(p.key(), value.trim());
            }
        }
        for (String key : raw.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add("unknown setting '" + key + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginException(ErrorKind.CONFIGURATION, String.join("; ", problems));
        }
        return new PluginConfig(Collections.unmodifiableMap(byKey), Collections.unmodifiableMap(values));
    }

    /**
     * The value of a declared setting (its default when not given), or empty when neither is set.
     *
     * @throws IllegalArgumentException when {@code key} was never declared (a bug in the plugin)
     */
    public Optional<String> get(String key) {
        declared(key);
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a setting that must be set; a {@code CONFIGURATION} PluginException naming it when it is not. */
    public String string(String key) {
        return get(key).orElseThrow(() -> missing(key));
    }

    /** A setting of type {@code INTEGER} (validated as such when the config was made). */
    public long integer(String key) {
        return Long.parseLong(string(key));
    }

    /** A setting of type {@code BOOLEAN}; false when not set. */
    public boolean bool(String key) {
        return get(key).map(v -> v.toLowerCase(Locale.ROOT).equals("true")).orElse(false);
    }

    /** A comma-separated setting as its trimmed, non-empty items; empty when not set. */
    public List<String> list(String key) {
        return get(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private ConfigProperty declared(String key) {
        ConfigProperty p = properties.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no config property '" + key + "' is declared");
        }
        return p;
    }

    private PluginException missing(String key) {
        return new PluginException(ErrorKind.CONFIGURATION, "'" + declared(key).label() + "' is not set");
    }

    /** The values with every secret one masked as {@code ****}: safe to log. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PluginConfig{");
        values.forEach((k, v) -> b.append(k).append('=').append(properties.get(k).secret() ? "****" : v).append(", "));
        if (!values.isEmpty()) {
            b.setLength(b.length() - 2);
        }
        return b.append('}').toString();
    }
}
