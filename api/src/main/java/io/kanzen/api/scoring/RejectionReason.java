package io.kanzen.api.scoring;

/** Why a release is not grabbed, in terms the engine and the UI share. */
public enum RejectionReason {
    /** The title names another series (a spin-off, a sequel) or none of this series' names. */
    WRONG_SERIES,
    VOLUME_NOT_WANTED,
    CHAPTER_NOT_VOLUME,
    /** Another edition (Perfect, Deluxe, Kanzenban...) than the one collected: its volumes are split otherwise. */
    EDITION,
    /** The release shows another language than the collection's. */
    LANGUAGE,
    /** The release shows no language at all, and the settings do not accept untagged releases. */
    LANGUAGE_UNKNOWN,
    FORMAT,
    /** Too small (a fake) or too large (absurd) for a volume of this series. */
    SIZE,
    /** A torrent the source reports with no seeder: it would never download. */
    NO_SEEDERS,
    BLOCKED,
    ALREADY_GRABBED,
    ALREADY_QUEUED,
    BELOW_MINIMUM_SCORE,
    /** A scorer plugin turned it down. */
    SCORER
}
