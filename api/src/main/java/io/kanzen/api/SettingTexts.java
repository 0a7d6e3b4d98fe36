package io.kanzen.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The French and English texts of a factory's settings, shipped in the plugin JAR in the package of its
 * {@link Plugin} class, one UTF-8 properties file per factory and language: {@code <factory name>_fr.properties} and
 * {@code <factory name>_en.properties}, for example {@code io/kanzen/source/prowlarr/prowlarr_fr.properties} for the
 * factory {@code prowlarr} of {@code io.kanzen.source.prowlarr.ProwlarrPlugin}. Keys, per setting key {@code k}:
 * <ul>
 *   <li>{@code k.label}: the form label ({@code Clé d'API});</li>
 *   <li>{@code k.help}: the help under the field (where to find the value, what it means);</li>
 *   <li>{@code k.choice.<value>}: the text of one value of a setting that takes fixed values (a notifier's events)
 *   or values its peer offers ({@link SettingChoices}, Prowlarr's categories); the fixed ones are listed in file
 *   order;</li>
 * </ul>
 * and {@value #KIND_LABEL}: the factory's name as the forms show it, when its name is a word of one language
 * ({@code filters}: {@code filtres} in French).
 * A plugin without these files keeps working: the texts fall back to {@link ConfigProperty#label()} and
 * {@link ConfigProperty#description()}. The host reads them through the plugin's own class loader, so each JAR's
 * texts stay its own.
 */
public final class SettingTexts {
    /** The languages a plugin ships texts in. */
    public static final List<String> LANGUAGES = List.of("fr", "en");
    /** The key of the factory's own name in the forms (no setting key starts with {@code _}). */
    public static final String KIND_LABEL = "_kind.label";

    /** One setting's texts in one language. */
    public record Text(String label, String help) {
        public Text {
            label = label == null ? "" : label;
            help = help == null ? "" : help;
        }
    }

    private final Map<String, Map<String, String>> byLanguage;

    private SettingTexts(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The texts of factory {@code factoryName}, shipped in the package of {@code plugin}, read through its class loader. */
    public static SettingTexts of(Class<?> plugin, String factoryName) {
        return load(plugin.getClassLoader(), plugin.getPackageName() + "." + factoryName);
    }

    /** The texts of bundle {@code baseName} ({@code io.kanzen.source.prowlarr.prowlarr}) in {@code loader}. */
    public static SettingTexts load(ClassLoader loader, String baseName) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            out.put(lang, read(loader, baseName.replace('.', '/') + "_" + lang + ".properties"));
        }
        return new SettingTexts(out);
    }

    private static Map<String, String> read(ClassLoader loader, String path) {
        ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try (InputStream in = l.getResourceAsStream(path)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, String> m = new LinkedHashMap<>();
            Properties p = new Properties() { // keeps the file's order: fixed choices are offered in it
                @Override
                public synchronized Object put(Object key, Object value) {
                    m.put(String.valueOf(key), String.valueOf(value).strip());
                    return super.put(key, value);
                }
            };
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return Collections.unmodifiableMap(m);
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // an unreadable file is as good as none: the labels of the declaration are shown
        }
    }

    /** The text under {@code key} in {@code lang}, when the plugin ships it (and it is not blank). */
    public Optional<String> text(String lang, String key) {
        String v = byLanguage.getOrDefault(lang, Map.of()).get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** Whether {@code property} has a label of its own in {@code lang} (what the contract tests ask of every setting). */
    public boolean hasLabel(String lang, ConfigProperty property) {
        return text(lang, property.key() + ".label").isPresent();
    }

    /** The label and help of {@code property} in {@code lang}; the declaration's English texts where none is shipped. */
    public Text of(String lang, ConfigProperty property) {
        return new Text(text(lang, property.key() + ".label").orElse(property.label()),
                text(lang, property.key() + ".help").orElse(property.description()));
    }

    /** The texts of {@code property} in every language: {@code {fr: {label, help}, en: {label, help}}}. */
    public Map<String, Text> of(ConfigProperty property) {
        Map<String, Text> out = new LinkedHashMap<>();
        LANGUAGES.forEach(lang -> out.put(lang, of(lang, property)));
        return out;
    }

    /** The text of value {@code value} of setting {@code key} in {@code lang}, or {@code fallback}. */
    public String choice(String lang, String key, String value, String fallback) {
        return text(lang, key + ".choice." + value).orElse(fallback);
    }

    /** Every key of these texts in {@code lang}, in file order (what the plugin contract tests check). */
    public List<String> keys(String lang) {
        return List.copyOf(byLanguage.getOrDefault(lang, Map.of()).keySet());
    }

    /**
     * The values of setting {@code key} that have texts ({@code key.choice.<value>}), in file order (French first, then
     * any only in English), each with its text per language (the value itself where a language has none):
     * {@code {grabbed: {fr: envoyé, en: sent}}}.
     */
    public Map<String, Map<String, String>> choices(String key) {
        String prefix = key + ".choice.";
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            for (String k : byLanguage.getOrDefault(lang, Map.of()).keySet()) {
                if (k.startsWith(prefix) && k.length() > prefix.length()) {
                    out.putIfAbsent(k.substring(prefix.length()), new LinkedHashMap<>());
                }
            }
        }
        out.forEach((value, texts) -> LANGUAGES.forEach(lang -> texts.put(lang, choice(lang, key, value, value))));
        return out;
    }

    /** The factory's name in every language ({@value #KIND_LABEL}), {@code name} itself where none is shipped. */
    public Map<String, String> kindLabels(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        LANGUAGES.forEach(lang -> out.put(lang, text(lang, KIND_LABEL).orElse(name)));
        return out;
    }

    /** These texts, completed by {@code other}'s where these have none (a host's texts for the settings it adds). */
    public SettingTexts or(SettingTexts other) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            Map<String, String> m = new LinkedHashMap<>(other.byLanguage.getOrDefault(lang, Map.of()));
            m.putAll(byLanguage.getOrDefault(lang, Map.of()));
            out.put(lang, Collections.unmodifiableMap(m));
        }
        return new SettingTexts(out);
    }
}
