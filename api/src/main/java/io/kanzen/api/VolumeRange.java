package io.kanzen.api;

import java.math.BigDecimal;
import java.util.stream.IntStream;

/**
 * A volume or chapter number, or a closed range of them: {@code [12, 12]} is one volume, {@code [1, 5]} a pack.
 * Numbers may be decimal ({@code 7.5}, a half volume) and are never negative.
 */
public record VolumeRange(double from, double to) implements Comparable<VolumeRange> {
    public VolumeRange {
        if (!Double.isFinite(from) || !Double.isFinite(to) || from < 0 || to < 0) {
            throw new IllegalArgumentException("volume numbers are finite and not negative: " + from + "-" + to);
        }
        if (from > to) {
            throw new IllegalArgumentException("a range goes up: " + from + "-" + to);
        }
    }

    /** One volume: {@code [number, number]}. */
    public static VolumeRange of(double number) {
        return new VolumeRange(number, number);
    }

    /** A pack from {@code from} to {@code to}, both included. */
    public static VolumeRange of(double from, double to) {
        return new VolumeRange(from, to);
    }

    /**
     * Reads what {@link #toString()} writes: {@code 12}, {@code 7.5} or {@code 1-5} (spaces around the dash allowed).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static VolumeRange parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                return of(Double.parseDouble(t.substring(0, dash).strip()), Double.parseDouble(t.substring(dash + 1).strip()));
            }
            return of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a volume number or range (12, 7.5, 1-3): '" + text + "'", e);
        }
    }

    /** Whether the range is one volume. */
    public boolean isSingle() {
        return from == to;
    }

    /** Whether {@code number} lies in the range, ends included. */
    public boolean contains(double number) {
        return number >= from && number <= to;
    }

    /** Whether the two ranges share at least one number. */
    public boolean overlaps(VolumeRange other) {
        return from <= other.to && other.from <= to;
    }

    /** The whole volume numbers inside the range: {@code [1, 3]} gives 1, 2, 3 and {@code [7.5, 7.5]} nothing. */
    public IntStream wholeNumbers() {
        return IntStream.rangeClosed((int) Math.ceil(from), (int) Math.floor(to));
    }

    /** By first number, then by last. */
    @Override
    public int compareTo(VolumeRange o) {
        int c = Double.compare(from, o.from);
        return c != 0 ? c : Double.compare(to, o.to);
    }

    /** {@code 12}, {@code 7.5} or {@code 1-5}. */
    @Override
    public String toString() {
        return isSingle() ? format(from) : format(from) + "-" + format(to);
    }

    /** A number as users write it: {@code 12}, not {@code 12.0}; {@code 7.5} stays. */
    public static String format(double n) {
        return BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
    }
}
