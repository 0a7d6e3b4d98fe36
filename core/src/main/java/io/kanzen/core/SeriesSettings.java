package io.kanzen.core;

import java.util.List;

/**
 * How one series is monitored. A null field takes the global setting ({@link MonitorConfig}).
 *
 * @param pinnedUrl the metadata page to read for this series (a Nautiljon fiche), instead of searching its title
 */
public record SeriesSettings(boolean enabled, String edition, String language, Boolean autoDownload, String client, List<String> sources,
        List<String> requiredWords, List<String> ignoredWords, Integer minMegabytes, Integer maxMegabytes, String pinnedUrl) {
    public static final SeriesSettings DEFAULTS = new SeriesSettings(true, null, null, null, null, List.of(), List.of(), List.of(), null, null, null);

    public SeriesSettings {
        sources = sources == null ? List.of() : List.copyOf(sources);
        requiredWords = requiredWords == null ? List.of() : List.copyOf(requiredWords);
        ignoredWords = ignoredWords == null ? List.of() : List.copyOf(ignoredWords);
        if (edition != null && !edition.equals("vf") && !edition.equals("vo")) {
            throw new IllegalArgumentException("edition is vf or vo");
        }
        if (minMegabytes != null && minMegabytes < 0 || maxMegabytes != null && maxMegabytes < 0) {
            throw new IllegalArgumentException("sizes are not negative");
        }
    }

    public SeriesSettings withEnabled(boolean on) {
        return new SeriesSettings(on, edition, language, autoDownload, client, sources, requiredWords, ignoredWords, minMegabytes, maxMegabytes, pinnedUrl);
    }
}
