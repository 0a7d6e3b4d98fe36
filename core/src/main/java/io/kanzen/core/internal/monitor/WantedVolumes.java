package io.kanzen.core.internal.monitor;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.EditionInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The volumes a series lacks: every whole volume from 1 (not only between the lowest and highest owned) up to
 * the higher of the highest owned and the collected edition's published count. A French collector compares with
 * the VF count, never the Japanese one; an announced volume whose date is still ahead is not wanted yet.
 */
public final class WantedVolumes {
    /** The wanted volumes, and those left out because they are not out yet. */
    public record Result(List<Integer> wanted, List<Integer> notYet, int target) {
        public Result {
            wanted = List.copyOf(wanted);
            notYet = List.copyOf(notYet);
        }
    }

    /** Far beyond any real series: a count above it is a misread page, not a reason to want a thousand volumes. */
    static final int MAX_TARGET = 500;

    private WantedVolumes() {}

    public static Result compute(List<VolumeRange> owned, EditionInfo edition, LocalDate today) {
        int highestOwned = 0;
        for (VolumeRange r : owned) {
            highestOwned = Math.max(highestOwned, (int) Math.floor(r.to()));
        }
        int published = edition == null || edition.volumeCount() == null ? 0 : edition.volumeCount();
        int target = Math.min(MAX_TARGET, Math.max(highestOwned, published));
        double notBefore = Double.MAX_VALUE;
        if (edition != null && edition.nextVolume() != null && edition.nextVolume().date().isAfter(today)) {
            notBefore = edition.nextVolume().volume();
        }
        List<Integer> wanted = new ArrayList<>();
        List<Integer> notYet = new ArrayList<>();
        for (int v = 1; v <= target; v++) {
            if (covered(owned, v)) {
                continue;
            }
            if (v >= notBefore) {
                notYet.add(v);
            } else {
                wanted.add(v);
            }
        }
        return new Result(wanted, notYet, target);
    }

    private static boolean covered(List<VolumeRange> owned, int v) {
        for (VolumeRange r : owned) {
            if (r.contains(v)) {
                return true;
            }
        }
        return false;
    }
}
