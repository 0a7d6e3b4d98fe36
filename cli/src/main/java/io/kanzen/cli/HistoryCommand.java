package io.kanzen.cli;

import io.kanzen.core.HistoryCsv;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.Kanzen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "What the monitor did: searches, grabs, failures, imports; newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line (RFC 4180 quoting).")
    boolean csv;

    @Option(names = "--filter", paramLabel = "all|success|errors", defaultValue = "all")
    String filter;

    @Option(names = "--limit", defaultValue = "200")
    int limit;

    @Override
    public Integer call() {
        Boolean success = switch (filter) {
            case "all" -> null;
            case "success" -> true;
            case "errors" -> false;
            default -> throw new IllegalArgumentException("--filter is all, success or errors");
        };
        try (Kanzen kanzen = top.open()) {
            List<HistoryEvent> events = kanzen.history(success, limit);
            if (csv) {
                System.out.println(HistoryCsv.HEADER);
            }
            for (HistoryEvent e : events) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("at", e.at().toString());
                m.put("kind", e.kind().name().toLowerCase());
                m.put("success", e.success());
                m.put("series", e.seriesTitle());
                m.put("source", e.source());
                m.put("client", e.client());
                m.put("query", e.query());
                m.put("results", e.results());
                m.put("volume", e.volume() == null ? null : e.volume().toString());
                m.put("message", e.message());
                if (json) {
                    System.out.println(Json.write(m));
                } else if (csv) {
                    System.out.println(HistoryCsv.row(e));
                } else {
                    System.out.println(e.at() + "  " + (e.success() ? "ok   " : "ERROR") + "  " + e.kind().name().toLowerCase() + "  "
                            + (e.seriesTitle() == null ? "" : e.seriesTitle()) + (e.volume() == null ? "" : " " + e.volume())
                            + (e.source() == null ? "" : "  [" + e.source() + "]") + (e.results() == null ? "" : "  " + e.results() + " results")
                            + (e.message() == null ? "" : "  " + e.message()));
                }
            }
        }
        return 0;
    }
}
