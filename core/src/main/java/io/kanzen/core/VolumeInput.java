package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A volume typed by a user (API body, CLI argument): {@code 12}, {@code 7.5} or {@code 1-3}. Plain decimal digits
 * only (no {@code 1e308}, {@code NaN}, {@code 0x1p3}), at most {@link #MAX} and a range spanning at most
 * {@link #MAX_SPAN} volumes, so that what later enumerates the volumes of a range stays small.
 */
public final class VolumeInput {
    /** Above any real series (the longest run near 200 volumes). */
    public static final int MAX = 9_999;
    public static final int MAX_SPAN = 1_000;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}(?:\\.\\d{1,2})?");
    private static final Pattern RANGE = Pattern.compile("(" + NUMBER.pattern() + ")\\s*-\\s*(" + NUMBER.pattern() + ")");

    private VolumeInput() {}

    /** @throws IllegalArgumentException saying what a volume looks like */
    public static VolumeRange parse(String text) {
        String t = text == null ? "" : text.strip();
        VolumeRange v;
        if (NUMBER.matcher(t).matches()) {
            v = VolumeRange.of(Double.parseDouble(t));
        } else {
            Matcher m = RANGE.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("a volume is a number from 0 to " + MAX + " (12, 7.5) or a range (1-3)");
            }
            double from = Double.parseDouble(m.group(1));
            double to = Double.parseDouble(m.group(2));
            if (from > to) {
                throw new IllegalArgumentException("a volume range goes up (1-3, not 3-1)");
            }
            v = VolumeRange.of(from, to);
        }
        if (v.to() > MAX) {
            throw new IllegalArgumentException("a volume number is at most " + MAX);
        }
        if (v.to() - v.from() > MAX_SPAN) {
            throw new IllegalArgumentException("a volume range spans at most " + MAX_SPAN + " volumes");
        }
        return v;
    }
}
