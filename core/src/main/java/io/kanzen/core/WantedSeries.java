package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.PublicationStatus;
import java.util.List;

/**
 * A monitored series and what it lacks.
 *
 * @param publishedCount the collected edition's published volume count, null when no metadata is known
 * @param status         the collected edition's status (FINISHED makes it "missing", ONGOING "to complete")
 * @param notYet         announced volumes whose date is still ahead
 */
public record WantedSeries(long seriesId, String library, String title, List<VolumeRange> owned, String edition, Integer publishedCount,
        PublicationStatus status, List<Integer> wanted, List<Integer> notYet, boolean monitored) {
    public WantedSeries {
        owned = List.copyOf(owned);
        wanted = List.copyOf(wanted);
        notYet = List.copyOf(notYet);
    }

    /** The original's filter: {@code missing} (finished series), {@code to complete} (ongoing), or all. */
    public enum Filter {
        ALL,
        MISSING,
        TO_COMPLETE;

        public boolean accepts(WantedSeries s) {
            return switch (this) {
                case ALL -> true;
                case MISSING -> s.status() == PublicationStatus.FINISHED;
                case TO_COMPLETE -> s.status() != PublicationStatus.FINISHED;
            };
        }
    }
}
