package io.kanzen.core.internal.library;

import io.kanzen.api.VolumeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Arithmetic on sets of owned volumes. */
public final class VolumeRanges {
    private VolumeRanges() {}

    /**
     * Merges ranges that overlap or touch between whole numbers: {@code 1, 2, 3-5, 7.5, 8} gives
     * {@code 1-5, 7.5, 8}. A half volume never bridges a gap.
     */
    public static List<VolumeRange> merge(List<VolumeRange> ranges) {
        List<VolumeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(null);
        List<VolumeRange> out = new ArrayList<>();
        VolumeRange current = null;
        for (VolumeRange r : sorted) {
            if (current == null) {
                current = r;
            } else if (r.from() <= current.to() || (isWhole(r.from()) && isWhole(current.to()) && r.from() == current.to() + 1)) {
                current = VolumeRange.of(current.from(), Math.max(current.to(), r.to()));
            } else {
                out.add(current);
                current = r;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }

    /** The whole volumes from 1 to the highest whole volume owned that no range covers. */
    public static List<Integer> gaps(List<VolumeRange> owned) {
        TreeSet<Integer> have = new TreeSet<>();
        for (VolumeRange r : owned) {
            r.wholeNumbers().forEach(have::add);
        }
        List<Integer> missing = new ArrayList<>();
        if (have.isEmpty()) {
            return missing;
        }
        for (int v = 1; v < have.last(); v++) {
            if (!have.contains(v)) {
                missing.add(v);
            }
        }
        return missing;
    }

    public static int highestWhole(List<VolumeRange> owned) {
        return owned.stream().flatMapToInt(VolumeRange::wholeNumbers).max().orElse(0);
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d);
    }
}
