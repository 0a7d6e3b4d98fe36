package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.SeriesSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "series", description = "Lists the series found by the last scans with the volumes owned.")
final class SeriesCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            for (SeriesSummary s : kanzen.series()) {
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.id());
                    m.put("library", s.library());
                    m.put("title", s.title());
                    m.put("folder", s.folder());
                    m.put("files", s.files());
                    m.put("volumes", s.volumes().stream().map(Json::range).toList());
                    System.out.println(Json.write(m));
                } else {
                    String volumes = s.volumes().isEmpty() ? "no numbered volume"
                            : s.volumes().stream().map(Object::toString).collect(Collectors.joining(", "));
                    System.out.println(s.title() + "  [" + s.library() + "]  " + s.files() + " files, volumes " + volumes);
                }
            }
        }
        return 0;
    }
}
