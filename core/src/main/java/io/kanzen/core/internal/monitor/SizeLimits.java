package io.kanzen.core.internal.monitor;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The per-volume sizes a release may weigh. By default a floor that stops fakes (a 15 KB "volume" with hundreds of
 * seeders) and a ceiling that stops absurd files (a 52 GB "volume"); the series' own files sharpen both, since a
 * series scanned at 80 MB a volume will not come at 2 MB or 3 GB; the user's series settings override all of it.
 *
 * @param minBytes smallest accepted size per volume
 * @param maxBytes largest accepted size per volume
 * @param basis    where the limits come from, for explanations
 * @param ownBytes what one of the series' own volume files weighs when the limits come from them, else 0
 */
public record SizeLimits(long minBytes, long maxBytes, Basis basis, long ownBytes) {
    /** Where limits come from; {@code code} is the stable text code of explanations ({@code limits} parameter). */
    public enum Basis {
        DEFAULTS("defaults"), OWN_FILES("ownFiles"), SETTINGS("settings");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** No real manga volume is this small: even a light-novel epub of text weighs more. */
    public static final long DEFAULT_MIN = 1_500_000L;
    /** Nor this large: a high-resolution scan of a thick volume stays well under it. */
    public static final long DEFAULT_MAX = 2_500_000_000L;
    /** How far from the series' own files a release may be: its quality may differ, not by this much. */
    static final int OWN_FILES_FACTOR = 12;

    public SizeLimits {
        if (minBytes < 0 || maxBytes <= 0 || minBytes >= maxBytes) {
            throw new IllegalArgumentException("size limits are 0 <= min < max, not " + minBytes + ".." + maxBytes);
        }
        java.util.Objects.requireNonNull(basis, "basis");
    }

    /** Where the limits come from, in English. */
    public String why() {
        return switch (basis) {
            case DEFAULTS -> "the default limits";
            case OWN_FILES -> "the series' own files (" + mb(ownBytes) + " a volume)";
            case SETTINGS -> "the series' settings";
        };
    }

    /**
     * @param userMin    the series' minimum in bytes, 0 for none
     * @param userMax    the series' maximum in bytes, 0 for none
     * @param ownVolume  what one of the series' own volume files weighs, when known
     */
    public static SizeLimits of(long userMin, long userMax, OptionalLong ownVolume) {
        long min = DEFAULT_MIN;
        long max = DEFAULT_MAX;
        Basis basis = Basis.DEFAULTS;
        long ownBytes = 0;
        // files smaller than a real volume (placeholders, text) or beyond the ceiling tell nothing about releases
        if (ownVolume.isPresent() && ownVolume.getAsLong() >= 2 * DEFAULT_MIN && ownVolume.getAsLong() <= DEFAULT_MAX) {
            long own = ownVolume.getAsLong();
            min = Math.max(min, own / OWN_FILES_FACTOR);
            max = Math.max(min + 1, Math.min(max, own * OWN_FILES_FACTOR));
            basis = Basis.OWN_FILES;
            ownBytes = own;
        }
        if (userMin > 0) {
            min = userMin;
            basis = Basis.SETTINGS;
        }
        if (userMax > 0) {
            max = userMax;
            basis = Basis.SETTINGS;
        }
        if (min >= max) {
            max = min + 1;
        }
        return new SizeLimits(min, max, basis, basis == Basis.OWN_FILES ? ownBytes : 0);
    }

    static String mb(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1000));
        }
        if (bytes >= 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
