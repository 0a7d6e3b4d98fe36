package io.kanzen.server;

import io.kanzen.core.Kanzen;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginManifest;
import io.kanzen.core.PluginProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/plugins} and {@code kanzen plugins --json}: the loaded plugins with what their JARs say of
 * themselves, and the skipped ones with why.
 */
public final class PluginList {
    private PluginList() {}

    public static Map<String, Object> of(Kanzen kanzen) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loaded", kanzen.plugins().stream().map(PluginList::loaded).toList());
        out.put("skipped", kanzen.pluginProblems().stream().map(PluginList::skipped).toList());
        return out;
    }

    private static Map<String, Object> loaded(LoadedPlugin p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("status", "loaded");
        m.put("origin", p.origin().name().toLowerCase(Locale.ROOT));
        m.put("location", p.location());
        m.put("spi_version", p.plugin().spiVersion());
        List<String> kinds = p.kinds();
        m.put("kinds", kinds);
        // scoretexts: each kind's name in every language ("scorer:filters": {fr: filtres, en: filters}), from its texts
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (String k : kinds) {
            String name = k.substring(k.indexOf(':') + 1);
            names.put(k, io.kanzen.api.SettingTexts.of(p.plugin().getClass(), name).kindLabels(name));
        }
        m.put("kind_texts", names);
        manifest(m, p.manifest());
        return m;
    }

    private static Map<String, Object> skipped(PluginProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "skipped");
        m.put("location", p.location());
        m.put("reason", p.message());
        manifest(m, p.manifest());
        return m;
    }

    private static void manifest(Map<String, Object> m, PluginManifest manifest) {
        m.put("version", manifest.version());
        m.put("title", manifest.title());
        m.put("vendor", manifest.vendor());
        m.put("description", manifest.description());
        m.put("spi_range", manifest.spiRange());
    }
}
