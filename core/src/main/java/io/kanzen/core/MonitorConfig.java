package io.kanzen.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitor's global settings, kept in {@code data/missing_monitor_config.json}. Every field validates here: a
 * file that does not is reported and the last good settings stay in force.
 *
 * @param enabled         the master switch of automatic checks
 * @param checkInterval   between two automatic checks: {@code 30m}, {@code 6h}, {@code 1d} (at least 5 minutes)
 * @param autoSearch      whether a check searches the sources (off: it only follows downloads)
 * @param autoDownload    whether a check sends what it chose (off: it reports what it would send); off until the user
 *                        turns it on, as the spec asks to enable it with care
 * @param sources         the sources a check asks, empty for every one set up
 * @param preferredClient the download client to use, null to choose by the link (ed2k: aMule, else qBittorrent)
 * @param edition         {@code vf} (the French edition, the default) or {@code vo}: whose volume count a series is held to
 * @param language        the wanted language of releases ({@code fr}), null for any
 * @param formats         accepted formats, empty for any
 * @param allowOwnedOverlap whether a pack may bring volumes already owned
 * @param minScore        releases scoring below are rejected
 * @param metadataMaxAgeHours how long metadata from Nautiljon is trusted before it is asked again
 * @param acceptUntagged  whether a release that shows no language at all may be sent when no release in the wanted
 *                        language brings its volume (off by default: for a VF collection a release must show it is French)
 * @param downloads       how downloads are followed and imported (poll interval, stall timeout, naming, per client)
 */
public record MonitorConfig(boolean enabled, String checkInterval, boolean autoSearch, boolean autoDownload, List<String> sources,
        String preferredClient, String edition, String language, List<String> formats, boolean allowOwnedOverlap, int minScore,
        int metadataMaxAgeHours, Boolean acceptUntagged, DownloadSettings downloads) {
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,5})\\s*(m|min|minutes?|h|hours?|d|days?)");
    private static final Set<String> EDITIONS = Set.of("vf", "vo");
    /** The release languages the name parser recognises: a wanted language outside them would match nothing. */
    public static final Set<String> LANGUAGES = Set.of("fr", "en", "ja", "de", "it", "es", "ko", "zh", "multi");

    public static final MonitorConfig DEFAULTS = new MonitorConfig(true, "6h", true, false, List.of(), null, "vf", "fr",
            List.of("cbz", "cbr", "pdf", "epub", "zip", "rar"), false, 0, 24, false, DownloadSettings.DEFAULTS);

    /** The settings with the download settings at their defaults. */
    public MonitorConfig(boolean enabled, String checkInterval, boolean autoSearch, boolean autoDownload, List<String> sources,
            String preferredClient, String edition, String language, List<String> formats, boolean allowOwnedOverlap, int minScore,
            int metadataMaxAgeHours, Boolean acceptUntagged) {
        this(enabled, checkInterval, autoSearch, autoDownload, sources, preferredClient, edition, language, formats, allowOwnedOverlap, minScore,
                metadataMaxAgeHours, acceptUntagged, DownloadSettings.DEFAULTS);
    }

    /** These settings with automatic download turned on or off. */
    public MonitorConfig withAutoDownload(boolean on) {
        return new MonitorConfig(enabled, checkInterval, autoSearch, on, sources, preferredClient, edition, language, formats,
                allowOwnedOverlap, minScore, metadataMaxAgeHours, acceptUntagged, downloads);
    }

    /** These settings with other download settings. */
    public MonitorConfig withDownloads(DownloadSettings d) {
        return new MonitorConfig(enabled, checkInterval, autoSearch, autoDownload, sources, preferredClient, edition, language, formats,
                allowOwnedOverlap, minScore, metadataMaxAgeHours, acceptUntagged, d);
    }

    public MonitorConfig {
        interval(checkInterval); // validates
        sources = sources == null ? List.of() : List.copyOf(sources);
        formats = formats == null ? List.of() : formats.stream().map(f -> f.toLowerCase(Locale.ROOT).strip()).toList();
        edition = edition == null ? "vf" : edition.toLowerCase(Locale.ROOT).strip();
        if (!EDITIONS.contains(edition)) {
            throw new IllegalArgumentException("edition is vf or vo, not '" + edition + "'");
        }
        language = language == null || language.isBlank() ? null : language.toLowerCase(Locale.ROOT).strip();
        if (language != null && !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language is one of " + new java.util.TreeSet<>(LANGUAGES) + " (or empty for any), not '" + language + "'");
        }
        preferredClient = preferredClient == null || preferredClient.isBlank() ? null : preferredClient.strip();
        acceptUntagged = Boolean.TRUE.equals(acceptUntagged);
        downloads = downloads == null ? DownloadSettings.DEFAULTS : downloads;
        if (metadataMaxAgeHours < 1) {
            throw new IllegalArgumentException("metadataMaxAgeHours is at least 1");
        }
    }

    /** The settings as they were before {@code acceptUntagged} existed: it is off. */
    public MonitorConfig(boolean enabled, String checkInterval, boolean autoSearch, boolean autoDownload, List<String> sources,
            String preferredClient, String edition, String language, List<String> formats, boolean allowOwnedOverlap, int minScore,
            int metadataMaxAgeHours) {
        this(enabled, checkInterval, autoSearch, autoDownload, sources, preferredClient, edition, language, formats, allowOwnedOverlap, minScore,
                metadataMaxAgeHours, false);
    }

    public Duration interval() {
        return interval(checkInterval);
    }

    static Duration interval(String text) {
        if (text == null) {
            throw new IllegalArgumentException("checkInterval is required (30m, 6h, 1d)");
        }
        Matcher m = INTERVAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("checkInterval is a number and a unit, such as 30m, 6h or 1d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2).charAt(0)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException("checkInterval is at least 5 minutes: the sources would ban a faster pace");
        }
        return d;
    }
}
