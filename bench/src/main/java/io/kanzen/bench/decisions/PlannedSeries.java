package io.kanzen.bench.decisions;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One series folder of the library: its owned volume files and the volumes a collector wants, which are the gaps
 * from volume 1 up to the highest owned (the bench sets up no metadata source, so no volume beyond the highest
 * owned is known to exist).
 *
 * @param files file name to size in bytes
 */
public record PlannedSeries(String title, String publisher, Map<String, Long> files, SortedSet<Integer> owned) {
    public int highestOwned() {
        return owned.isEmpty() ? 0 : owned.last();
    }

    public SortedSet<Integer> wanted() {
        SortedSet<Integer> out = new TreeSet<>();
        for (int v = 1; v < highestOwned(); v++) {
            if (!owned.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    public boolean owns(int v) {
        return owned.contains(v);
    }

    public boolean wants(int v) {
        return v >= 1 && v < highestOwned() && !owned.contains(v);
    }

    public Set<Integer> ownedView() {
        return owned;
    }
}
