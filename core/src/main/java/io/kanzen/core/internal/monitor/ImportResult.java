package io.kanzen.core.internal.monitor;

import io.kanzen.api.VolumeRange;
import java.nio.file.Path;
import java.util.List;

/**
 * What an import placed in the series folder, and what it left (volumes already owned, files with no volume).
 *
 * @param placed  the names given to the placed files
 * @param skipped each left file with the reason
 */
public record ImportResult(Path folder, List<String> placed, List<VolumeRange> volumes, List<String> skipped) {
    public ImportResult {
        placed = List.copyOf(placed);
        volumes = List.copyOf(volumes);
        skipped = List.copyOf(skipped);
    }

    public String describe() {
        String what = placed.isEmpty() ? "nothing placed" : "placed " + String.join(", ", placed) + " in " + folder;
        return skipped.isEmpty() ? what : what + "; left " + String.join("; ", skipped);
    }
}
