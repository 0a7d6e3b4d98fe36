package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginProblem;
import io.kanzen.server.PluginList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                System.out.println(Json.write(PluginList.of(kanzen))); // the same body as GET /api/plugins
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
