package io.kanzen.client.amule;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.Ed2kLink;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.client.DownloadClient;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * aMule through its External Connections protocol, spoken natively (no {@code amulecmd}, which exits 0 on every
 * failure). One connection is kept and reused; a broken one is replaced once per call. Downloads are named by the
 * file's MD4 hash, which the link carries, so a finished download is still found once it has left the queue for
 * the shared files.
 */
final class AmuleClient implements DownloadClient {
    static final String NAME = "amule";

    private final String host;
    private final int port;
    private final String password;
    private final HttpSettings timeouts;
    private final RateLimiter limiter;
    private EcConnection connection;

    AmuleClient(String host, int port, String password, HttpSettings timeouts, RateLimiter limiter) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.timeouts = timeouts;
        this.limiter = limiter;
    }

    @Override
    public Set<LinkKind> accepts() {
        return Set.of(LinkKind.ED2K);
    }

    @Override
    public synchronized DownloadHandle submit(DownloadRequest request) {
        if (request.kind() != LinkKind.ED2K) {
            throw new IllegalArgumentException("aMule only downloads ed2k links, not " + request.kind());
        }
        Ed2kLink link = Ed2kLink.parse(request.link()); // refuses a cut link before aMule sees it
        DownloadHandle handle = new DownloadHandle(NAME, link.hash());
        EcPacket reply = call(EcPacket.of(Ec.OP_ADD_LINK, EcTag.string(Ec.TAG_STRING, link.link())));
        if (reply.opcode() == Ec.OP_NOOP) {
            return handle; // added, or already downloading
        }
        // FAILED is both "invalid link" and "already complete and shared": only the second is a success
        if (reply.opcode() == Ec.OP_FAILED && status(handle).state() != DownloadState.MISSING) {
            return handle;
        }
        String why = reply.tag(Ec.TAG_STRING).map(EcTag::asString).orElse("no reason given");
        throw new PluginException(ErrorKind.BAD_RESPONSE, "aMule refused the link: " + why);
    }

    @Override
    public synchronized DownloadStatus status(DownloadHandle handle) {
        EcPacket queue = call(EcPacket.of(Ec.OP_GET_DLOAD_QUEUE));
        Optional<EcTag> partFile = withHash(queue, Ec.TAG_PARTFILE, handle.id());
        if (partFile.isPresent()) {
            return inProgress(handle, partFile.get());
        }
        // a finished download leaves the queue and becomes a shared file (clients.md §3.6)
        EcPacket shared = call(EcPacket.of(Ec.OP_GET_SHARED_FILES));
        Optional<EcTag> known = withHash(shared, Ec.TAG_KNOWNFILE, handle.id());
        if (known.isPresent()) {
            EcTag k = known.get();
            String name = k.child(Ec.TAG_PARTFILE_NAME).map(EcTag::asString).orElse(null);
            String dir = k.child(Ec.TAG_KNOWNFILE_FILENAME).map(EcTag::asString).orElse(null);
            String path = dir == null || name == null ? null : (dir.endsWith("/") ? dir : dir + "/") + name;
            return new DownloadStatus(handle, DownloadState.COMPLETED, 1, name, k.childLong(Ec.TAG_PARTFILE_SIZE_FULL, -1), path, null, 0, 0);
        }
        return DownloadStatus.missing(handle);
    }

    /**
     * Cancels a download still in the queue (aMule deletes its part file). A finished one has left the queue for
     * the shared files, which EC cannot unshare: it stays where aMule put it, whatever {@code deleteFiles} says.
     */
    @Override
    public synchronized void remove(DownloadHandle handle, boolean deleteFiles) {
        EcPacket queue = call(EcPacket.of(Ec.OP_GET_DLOAD_QUEUE));
        if (withHash(queue, Ec.TAG_PARTFILE, handle.id()).isEmpty()) {
            return; // finished (shared) or gone: nothing in the queue to remove
        }
        EcPacket reply = call(EcPacket.of(Ec.OP_PARTFILE_DELETE, EcTag.hash16(Ec.TAG_PARTFILE, java.util.HexFormat.of().parseHex(handle.id()))));
        if (reply.opcode() == Ec.OP_FAILED) {
            String why = reply.tag(Ec.TAG_STRING).map(EcTag::asString).orElse("no reason given");
            throw new PluginException(ErrorKind.BAD_RESPONSE, "aMule did not remove the download: " + why);
        }
    }

    @Override
    public synchronized void checkConnection() {
        EcPacket reply = call(EcPacket.of(Ec.OP_GET_CONNSTATE));
        if (reply.opcode() != Ec.OP_MISC_DATA) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "aMule answered the state request with opcode 0x" + Integer.toHexString(reply.opcode()));
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static DownloadStatus inProgress(DownloadHandle handle, EcTag f) {
        long full = f.childLong(Ec.TAG_PARTFILE_SIZE_FULL, -1);
        long done = f.childLong(Ec.TAG_PARTFILE_SIZE_DONE, 0);
        long status = f.childLong(Ec.TAG_PARTFILE_STATUS, 0);
        double progress = full > 0 ? Math.min(1, Math.max(0, (double) done / full)) : 0;
        DownloadState state;
        String message = null;
        if (status == Ec.PS_ERROR || status == Ec.PS_INSUFFICIENT) {
            state = DownloadState.FAILED;
            message = status == Ec.PS_ERROR ? "aMule reports an error on this file" : "aMule has not enough disk space for this file";
        } else if (status == Ec.PS_PAUSED || f.childLong(Ec.TAG_PARTFILE_STOPPED, 0) == 1) {
            state = DownloadState.PAUSED;
        } else if (f.childLong(Ec.TAG_PARTFILE_SOURCE_COUNT_XFER, 0) > 0 || f.childLong(Ec.TAG_PARTFILE_SPEED, 0) > 0) {
            state = DownloadState.DOWNLOADING; // STATUS stays "empty" during small transfers: read the transfer itself
        } else if (f.childLong(Ec.TAG_PARTFILE_SOURCE_COUNT, 0) == 0) {
            state = DownloadState.STALLED;
        } else {
            state = DownloadState.QUEUED;
        }
        String name = f.child(Ec.TAG_PARTFILE_NAME).map(EcTag::asString).orElse(null);
        // aMule gives the speed but no time left: the rest of the file at the current speed
        long speed = Math.max(0, f.childLong(Ec.TAG_PARTFILE_SPEED, 0));
        long eta = speed > 0 && full > 0 ? (Math.max(0, full - done) + speed - 1) / speed : DownloadStatus.UNKNOWN;
        return new DownloadStatus(handle, state, progress, name, full <= 0 ? -1 : full, null, message, speed, eta);
    }

    private static Optional<EcTag> withHash(EcPacket reply, int tagName, String hash) {
        return reply.all(tagName).stream()
                .filter(t -> t.child(Ec.TAG_PARTFILE_HASH).map(h -> h.asHex().equalsIgnoreCase(hash)).orElse(false))
                .findFirst();
    }

    /** One request; a broken connection is replaced and the request sent once more (every request here is idempotent). */
    private EcPacket call(EcPacket request) {
        for (int attempt = 0; ; attempt++) {
            limiter.acquire();
            if (connection == null) {
                connection = EcConnection.open(host, port, password, timeouts.connectTimeout(), timeouts.readTimeout());
            }
            try {
                return connection.request(request);
            } catch (IOException | EcProtocolException e) {
                close();
                if (attempt >= 1) {
                    throw new PluginException(ErrorKind.UNAVAILABLE, "the connection to aMule at " + host + ":" + port + " broke: " + e.getMessage(), e);
                }
            }
        }
    }
}
