package io.kanzen.core;

import io.kanzen.api.DownloadStatus;

/**
 * A grab and what its client says of it now.
 *
 * @param status  null when the grab never reached the client or the client could not be asked
 * @param problem why the client could not be asked, or null
 */
public record Download(Grab grab, DownloadStatus status, String problem) {}
