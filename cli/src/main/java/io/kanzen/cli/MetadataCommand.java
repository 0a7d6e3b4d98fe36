package io.kanzen.cli;

import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.core.Kanzen;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "metadata", description = "Prints what the metadata source (Nautiljon) knows of a series: volumes VO and VF, status, dates.")
final class MetadataCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TITLE")
    String title;

    @Option(names = "--url", paramLabel = "URL", description = "A fiche to read instead of searching.")
    String url;

    @Option(names = "--source", paramLabel = "NAME")
    String source;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            Optional<SeriesMetadata> found = kanzen.metadata(title, url, source);
            if (found.isEmpty()) {
                System.out.println("nothing found for " + (title != null ? title : url));
                return 1;
            }
            SeriesMetadata m = found.get();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("title", m.title());
                out.put("url", m.url());
                out.put("alternative_titles", m.alternativeTitles());
                out.put("vo", edition(m.vo()));
                out.put("vf", edition(m.vf()));
                out.put("authors", m.authors());
                out.put("genres", m.genres());
                out.put("cover", m.coverUrl());
                System.out.println(Json.write(out));
            } else {
                System.out.println(m.title() + "  " + m.url());
                if (!m.alternativeTitles().isEmpty()) {
                    System.out.println("  also: " + String.join(" / ", m.alternativeTitles()));
                }
                System.out.println("  VO: " + describe(m.vo()));
                System.out.println("  VF: " + describe(m.vf()));
                if (!m.authors().isEmpty()) {
                    System.out.println("  by " + String.join(", ", m.authors()));
                }
            }
        }
        return 0;
    }

    private static Map<String, Object> edition(EditionInfo e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("volumes", e.volumeCount());
        m.put("status", e.status().name().toLowerCase(Locale.ROOT));
        m.put("publishers", e.publishers());
        m.put("last", e.lastVolume() == null ? null : Map.of("volume", Json.number(e.lastVolume().volume()), "date", e.lastVolume().date().toString()));
        m.put("next", e.nextVolume() == null ? null : Map.of("volume", Json.number(e.nextVolume().volume()), "date", e.nextVolume().date().toString()));
        return m;
    }

    private static String describe(EditionInfo e) {
        if (e == null) {
            return "unknown";
        }
        StringBuilder b = new StringBuilder(e.volumeCount() == null ? "? volumes" : e.volumeCount() + " volumes");
        b.append(" (").append(e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(")");
        if (!e.publishers().isEmpty()) {
            b.append(", ").append(String.join(", ", e.publishers()));
        }
        if (e.lastVolume() != null) {
            b.append("; last: vol. ").append(Json.number(e.lastVolume().volume())).append(" on ").append(e.lastVolume().date());
        }
        if (e.nextVolume() != null) {
            b.append("; next: vol. ").append(Json.number(e.nextVolume().volume())).append(" on ").append(e.nextVolume().date());
        }
        return b.toString();
    }
}
