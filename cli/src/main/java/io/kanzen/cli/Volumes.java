package io.kanzen.cli;

import io.kanzen.api.VolumeRange;
import io.kanzen.core.VolumeInput;

/** Volume arguments: {@code 12}, {@code 7.5}, {@code 1-3}. */
final class Volumes {
    private Volumes() {}

    static VolumeRange parse(String text) {
        try {
            return VolumeInput.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--volume: " + e.getMessage() + "; not '" + Text.safe(text) + "'", e);
        }
    }
}
