package io.kanzen.core;

import java.util.List;

/**
 * How one series is monitored. A null field takes the global setting ({@link MonitorConfig}).
 *
 * @param pinnedUrl the metadata page to read for this series (a Nautiljon fiche), instead of searching its title
 * @param aliases   other names a release may give the series (an original or romaji title, a French title)
 * @param releaseEdition the edition collected: null or {@code regular}, or {@code perfect}, {@code deluxe},
 *                  {@code kanzenban}... (releases of another edition are turned down: their volumes are split otherwise)
 * @param acceptUntagged whether releases showing no language may be sent for this series, null for the global setting
 */
public record SeriesSettings(boolean enabled, String edition, String language, Boolean autoDownload, String client, List<String> sources,
        List<String> requiredWords, List<String> ignoredWords, Integer minMegabytes, Integer maxMegabytes, String pinnedUrl, List<String> aliases, String releaseEdition, Boolean acceptUntagged) {
    public static final SeriesSettings DEFAULTS = new SeriesSettings(true, null, null, null, null, List.of(), List.of(), List.of(), null, null, null);

    /** The settings as they were before aliases, editions and untagged releases were told apart. */
    public SeriesSettings(boolean enabled, String edition, String language, Boolean autoDownload, String client, List<String> sources,
            List<String> requiredWords, List<String> ignoredWords, Integer minMegabytes, Integer maxMegabytes, String pinnedUrl) {
        this(enabled, edition, language, autoDownload, client, sources, requiredWords, ignoredWords, minMegabytes, maxMegabytes, pinnedUrl,
                List.of(), null, null);
    }

    public SeriesSettings {
        sources = sources == null ? List.of() : List.copyOf(sources);
        requiredWords = requiredWords == null ? List.of() : List.copyOf(requiredWords);
        ignoredWords = ignoredWords == null ? List.of() : List.copyOf(ignoredWords);
        aliases = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        releaseEdition = releaseEdition == null || releaseEdition.isBlank() ? null
                : io.kanzen.core.internal.monitor.ReleaseEdition.normalise(releaseEdition);
        if (io.kanzen.core.internal.monitor.ReleaseEdition.REGULAR.equals(releaseEdition)) {
            releaseEdition = null;
        }
        if (edition != null && !edition.equals("vf") && !edition.equals("vo")) {
            throw new IllegalArgumentException("edition is vf or vo");
        }
        if (minMegabytes != null && minMegabytes < 0 || maxMegabytes != null && maxMegabytes < 0) {
            throw new IllegalArgumentException("sizes are not negative");
        }
    }

    public SeriesSettings withEnabled(boolean on) {
        return new SeriesSettings(on, edition, language, autoDownload, client, sources, requiredWords, ignoredWords, minMegabytes, maxMegabytes, pinnedUrl,
                aliases, releaseEdition, acceptUntagged);
    }
}
