package io.kanzen.api.source;

/** Publication status of an edition, as metadata sites say it (Nautiljon: En cours, Terminé...). */
public enum PublicationStatus {
    ONGOING,
    FINISHED,
    UPCOMING,
    ABANDONED,
    ON_HOLD,
    UNKNOWN
}
