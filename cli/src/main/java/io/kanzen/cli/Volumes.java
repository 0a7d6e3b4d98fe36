package io.kanzen.cli;

import io.kanzen.api.VolumeRange;

/** Volume arguments: {@code 12}, {@code 7.5}, {@code 1-3}. */
final class Volumes {
    private Volumes() {}

    static VolumeRange parse(String text) {
        String t = text.strip();
        try {
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                return VolumeRange.of(Double.parseDouble(t.substring(0, dash).strip()), Double.parseDouble(t.substring(dash + 1).strip()));
            }
            return VolumeRange.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--volume takes a number or a range such as 1-3, not '" + text + "'");
        }
    }
}
