package io.kanzen.api.scoring;

/** Why a release is not grabbed, in terms the engine and the UI share. */
public enum RejectionReason {
    WRONG_SERIES,
    VOLUME_NOT_WANTED,
    CHAPTER_NOT_VOLUME,
    LANGUAGE,
    FORMAT,
    SIZE,
    BLOCKED,
    ALREADY_GRABBED,
    ALREADY_QUEUED,
    BELOW_MINIMUM_SCORE
}
