package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginManifest;
import io.kanzen.core.PluginProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plugins", description = {"Lists the plugins: loaded ones with their version and what they make, skipped ones with why.",
    "Drop-in JARs are read from --plugins-dir (default ./plugins)."})
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object: {\"loaded\": [...], \"skipped\": [...]}.")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("loaded", kanzen.plugins().stream().map(PluginsCommand::loaded).toList());
                out.put("skipped", kanzen.pluginProblems().stream().map(PluginsCommand::skipped).toList());
                System.out.println(Json.write(out));
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "VERSION", "KINDS", "STATUS"});
            for (LoadedPlugin p : kanzen.plugins()) {
                rows.add(new String[] {p.name(), orDash(p.manifest().version()), String.join(",", p.kinds()),
                    "loaded (" + p.origin().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")"});
            }
            for (PluginProblem p : kanzen.pluginProblems()) {
                rows.add(new String[] {"-", orDash(p.manifest().version()), "-", "skipped: " + p.location() + ": " + p.message()});
            }
            print(rows);
        }
        return 0;
    }

    static Map<String, Object> loaded(LoadedPlugin p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("status", "loaded");
        m.put("origin", p.origin().name().toLowerCase(Locale.ROOT));
        m.put("location", p.location());
        m.put("spi_version", p.plugin().spiVersion());
        m.put("kinds", p.kinds());
        manifest(m, p.manifest());
        return m;
    }

    static Map<String, Object> skipped(PluginProblem p) {
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

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static void print(List<String[]> rows) {
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            System.out.printf("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s%n", (Object[]) r);
        }
    }
}
