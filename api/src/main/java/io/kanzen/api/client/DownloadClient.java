package io.kanzen.api.client;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.LinkKind;
import java.util.Set;

/** A program that downloads for us (qBittorrent, aMule). Safe for concurrent use. */
public interface DownloadClient extends AutoCloseable {
    /** The kinds of link this client downloads; the host only submits those. */
    Set<LinkKind> accepts();

    /** Adds the download; submitting the same link twice succeeds and returns the same handle. */
    DownloadHandle submit(DownloadRequest request);

    /** The download's state; {@link io.kanzen.api.DownloadState#MISSING} when the client no longer has it. */
    DownloadStatus status(DownloadHandle handle);

    /**
     * Removes a download from the client, with its files when {@code deleteFiles}; removing one the client no
     * longer has is a success. Clients that cannot remove throw {@link UnsupportedOperationException} (the default,
     * so plugins written before this call still load).
     */
    default void remove(DownloadHandle handle, boolean deleteFiles) {
        throw new UnsupportedOperationException("this download client cannot remove downloads");
    }

    /** Checks that the client answers and accepts the credentials, throwing a PluginException when not. */
    void checkConnection();

    @Override
    default void close() {}
}
