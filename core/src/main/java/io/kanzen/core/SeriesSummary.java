package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.util.List;

/**
 * A series as the library has it.
 *
 * @param volumes the volumes owned, merged into ranges ({@code 1-3, 5, 7.5})
 */
public record SeriesSummary(long id, String library, String title, String folder, int files, List<VolumeRange> volumes) {
    public SeriesSummary {
        volumes = List.copyOf(volumes);
    }
}
