package io.kanzen.core;

import java.util.List;

/**
 * The volumes a series lacks between volume 1 and the highest volume owned (leading gaps included).
 *
 * @param highestOwned the highest whole volume owned, 0 when none
 */
public record MissingVolumes(long seriesId, String library, String title, int highestOwned, List<Integer> missing) {
    public MissingVolumes {
        missing = List.copyOf(missing);
    }
}
