package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.WantedSeries;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "missing", description = {"Lists, per monitored series, the volumes it lacks: gaps from volume 1, and up to the",
    "collected edition's published count when the metadata source (Nautiljon) gave one."})
final class MissingCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--filter", paramLabel = "all|missing|to-complete", defaultValue = "all",
            description = "missing: finished series; to-complete: ongoing ones (as the metadata says).")
    String filter;

    @Override
    public Integer call() {
        WantedSeries.Filter f = switch (filter) {
            case "all" -> WantedSeries.Filter.ALL;
            case "missing" -> WantedSeries.Filter.MISSING;
            case "to-complete" -> WantedSeries.Filter.TO_COMPLETE;
            default -> throw new IllegalArgumentException("--filter is all, missing or to-complete");
        };
        try (Kanzen kanzen = top.open()) {
            for (WantedSeries w : kanzen.wanted(f)) {
                if (w.wanted().isEmpty() || !w.monitored()) {
                    continue;
                }
                int highest = w.owned().stream().mapToInt(r -> (int) Math.floor(r.to())).max().orElse(0);
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("series_id", w.seriesId());
                    o.put("library", w.library());
                    o.put("title", w.title());
                    o.put("highest_owned", highest);
                    o.put("missing", w.wanted());
                    o.put("not_yet", w.notYet());
                    o.put("edition", w.edition());
                    o.put("published", w.publishedCount());
                    o.put("status", w.status().name().toLowerCase(Locale.ROOT));
                    System.out.println(Json.write(o));
                } else {
                    System.out.println(w.title() + "  [" + w.library() + "]  missing "
                            + w.wanted().stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + (w.publishedCount() == null ? " (has up to " + highest + ")"
                                    : " (" + w.edition().toUpperCase(Locale.ROOT) + ": " + w.publishedCount() + " published)"));
                }
            }
        }
        return 0;
    }
}
