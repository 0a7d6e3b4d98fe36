package io.kanzen.cli;

import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.Kanzen;
import io.kanzen.core.SearchResults;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", description = {"Searches the sources for a series and prints the releases, best first, with the volumes read",
    "from their titles. With --volume, the releases that cover it come first."})
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Parameters(index = "0", paramLabel = "TITLE")
    String title;

    @Option(names = "--volume", paramLabel = "N")
    String volume;

    @Option(names = "--source", paramLabel = "NAME", description = "One configured source (default: all).")
    String source;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        VolumeRange wanted = volume == null ? null : Volumes.parse(volume);
        try (Kanzen kanzen = top.open()) {
            SearchResults results = kanzen.search(title, wanted, source);
            for (Release r : results.releases()) {
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("source", r.source());
                    m.put("title", r.title());
                    m.put("volume", Json.range(r.parsed().volume()));
                    m.put("chapter", Json.range(r.parsed().chapter()));
                    m.put("language", r.parsed().language());
                    m.put("seeders", r.seeders());
                    m.put("size", r.size() < 0 ? null : r.size());
                    m.put("indexer", r.indexer());
                    m.put("link", r.link());
                    System.out.println(Json.write(m));
                } else {
                    String vol = r.parsed().volume() == null ? "-" : "T" + r.parsed().volume();
                    String seeders = r.seeders() == null ? "?" : r.seeders().toString();
                    String size = r.size() < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", r.size() / 1e6);
                    System.out.printf("%-8s %-8s %5s seeders %10s  %s%n", r.source(), vol, seeders, size, r.title());
                }
            }
            results.problems().forEach((name, why) -> System.err.println("kanzen: " + name + ": " + why));
            if (results.releases().isEmpty() && results.problems().isEmpty() && !json) {
                System.out.println("nothing found for " + title);
            }
            return results.releases().isEmpty() && !results.problems().isEmpty() ? 1 : 0;
        }
    }
}
