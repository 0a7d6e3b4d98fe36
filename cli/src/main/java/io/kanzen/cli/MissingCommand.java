package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.MissingVolumes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "missing", description = "Lists, per series, the volumes missing from 1 to the highest one owned.")
final class MissingCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            for (MissingVolumes m : kanzen.missing()) {
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("series_id", m.seriesId());
                    o.put("library", m.library());
                    o.put("title", m.title());
                    o.put("highest_owned", m.highestOwned());
                    o.put("missing", m.missing());
                    System.out.println(Json.write(o));
                } else {
                    System.out.println(m.title() + "  [" + m.library() + "]  missing "
                            + m.missing().stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " (has up to " + m.highestOwned() + ")");
                }
            }
        }
        return 0;
    }
}
