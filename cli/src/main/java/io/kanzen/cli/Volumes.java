package io.kanzen.cli;

import io.kanzen.api.VolumeRange;

/** Volume arguments: {@code 12}, {@code 7.5}, {@code 1-3}. */
final class Volumes {
    private Volumes() {}

    static VolumeRange parse(String text) {
        try {
            return VolumeRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--volume takes a number or a range such as 1-3, not '" + text + "'", e);
        }
    }
}
