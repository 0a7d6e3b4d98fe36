package io.kanzen.api.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One edition of a series (VO: the original; VF: the French one).
 *
 * @param volumeCount published volumes, null when unknown
 * @param status      publication status, {@link PublicationStatus#UNKNOWN} when not said
 * @param publishers  the edition's publishers, possibly empty
 * @param lastVolume  the latest published volume number and its date, when known
 * @param nextVolume  the next announced volume and its date, when known
 * @param started     when the edition began (its first volume or chapter), null when unknown
 */
public record EditionInfo(
        Integer volumeCount,
        PublicationStatus status,
        List<String> publishers,
        VolumeDate lastVolume,
        VolumeDate nextVolume,
        LocalDate started) {
    public EditionInfo {
        if (volumeCount != null && volumeCount < 0) {
            throw new IllegalArgumentException("volume count is not negative");
        }
        status = status == null ? PublicationStatus.UNKNOWN : status;
        publishers = publishers == null ? List.of() : List.copyOf(publishers);
    }

    /** Without a start date: the shape of SPI version 1's first release, kept for plugins built against it. */
    public EditionInfo(Integer volumeCount, PublicationStatus status, List<String> publishers, VolumeDate lastVolume, VolumeDate nextVolume) {
        this(volumeCount, status, publishers, lastVolume, nextVolume, null);
    }

    /** A volume number with its release date. */
    public record VolumeDate(double volume, LocalDate date) {
        public VolumeDate {
            Objects.requireNonNull(date, "date");
        }
    }
}
