package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.scoring.ScoreComponent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a check with automatic download off would have sent: one chosen release for some wanted volumes of a
 * series, waiting for the user to approve it (then sent like the monitor sends) or reject it (then blocklisted).
 *
 * @param link       the release's link with any API key in it masked (the real one stays sealed in the database)
 * @param size       bytes, null when the source did not say
 * @param seeders    null when the source did not say (an ed2k link)
 * @param scoreParts why it was chosen: the parts of its score
 * @param reason     why it left the pending state (superseded by what, the grab's failure), null while pending
 * @param reasonCode the same as a stable code the web UI translates ({@code approved}, {@code rejected}, {@code rechosen},
 *                   {@code owned}, {@code held}, {@code sent}, {@code seriesGone}, {@code blocklisted}, {@code unreadable},
 *                   {@code approveFailed}); null when there is no reason, or for one decided before codes were kept
 * @param grabId     the download its approval made, null until approved
 * @param updatedAt  when a check last found it again, or when its state changed
 */
public record Proposal(long id, long seriesId, String seriesTitle, VolumeRange volume, String releaseTitle, String source, String link,
        String linkKind, Long size, Integer seeders, int score, List<ScoreComponent> scoreParts, State state, String reason, String reasonCode, Long grabId,
        Instant createdAt, Instant updatedAt) {
    /** The most decided proposals listed at once: the recent ones are what a user looks back at. */
    public static final int MOST_DECIDED_LISTED = 500;

    public Proposal {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(state, "state");
        scoreParts = scoreParts == null ? List.of() : List.copyOf(scoreParts);
    }

    public enum State {
        /** Waiting for the user. */
        PENDING,
        /** Approved: sent to a client through the normal grab path ({@link #grabId()}). */
        APPROVED,
        /** Rejected: its release is blocklisted for the series, so the next check chooses another. */
        REJECTED,
        /** A later check chose another release, or the volume was owned or grabbed since. */
        SUPERSEDED
    }
}
