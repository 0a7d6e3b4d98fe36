package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.EditionInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the series page shows of one series, from what Kanzen keeps (no network): the library's files, the
 * monitor settings, what the metadata source said last, and each volume's state.
 *
 * @param edition  the edition the series is held to ({@code vf} or {@code vo}), its own setting or the global one
 * @param owned    the volumes owned, merged into ranges
 * @param missing  the volumes wanted now with nothing under way for them (out, not owned, not sent)
 * @param volumes  one entry per volume, in order: the whole numbers from 1 to the highest owned, published, held
 *                 or announced one, and the owned half volumes ({@code 7.5})
 * @param metadata what the metadata source said, null when it was never asked or knew nothing
 * @param grabs    the downloads sent for this series, newest first
 */
public record SeriesDetail(long id, String library, String title, String folder, int files, boolean monitored, String edition,
        SeriesSettings settings, List<VolumeRange> owned, List<Integer> missing, List<Volume> volumes, Metadata metadata, List<Grab> grabs) {
    public SeriesDetail {
        owned = List.copyOf(owned);
        missing = List.copyOf(missing);
        volumes = List.copyOf(volumes);
        grabs = List.copyOf(grabs);
    }

    /** Where one volume stands, as the grid colours it. */
    public enum State {
        /** In the library. */
        OWNED,
        /** Out, not owned, nothing under way: a check looks for it. */
        MISSING,
        /** Chosen and sent to a client that has not reported progress yet. */
        SENT,
        /** The client reports it downloading (progress above zero). */
        DOWNLOADING,
        /** Announced, its date still ahead: not wanted before then. */
        UPCOMING
    }

    /**
     * One volume of the grid.
     *
     * @param date     the announced release date of an upcoming volume, when the metadata source gave it
     * @param grabId   the download bringing it (sent or downloading), else null
     * @param progress the client's last reported progress (0 to 1) of that download, else null
     */
    public record Volume(double number, State state, LocalDate date, Long grabId, Double progress) {
        public Volume {
            if (number < 0 || !Double.isFinite(number)) {
                throw new IllegalArgumentException("a volume number is finite and not negative");
            }
            if (state == null) {
                throw new IllegalArgumentException("a volume has a state");
            }
        }

        /** The number as the library writes it: {@code 12}, {@code 7.5}. */
        public String label() {
            return VolumeRange.format(number);
        }
    }

    /**
     * What the metadata source said of the series when last asked.
     *
     * @param url the page it was read from (a Nautiljon fiche), null when the source gave none
     * @param vo  the original edition; its publishers may be empty (unknown)
     * @param vf  the French edition, with its next announced volume and date when known
     */
    public record Metadata(String source, String url, String title, List<String> alternativeTitles, EditionInfo vo, EditionInfo vf,
            Instant fetchedAt) {
        public Metadata {
            alternativeTitles = alternativeTitles == null ? List.of() : List.copyOf(alternativeTitles);
        }
    }
}
