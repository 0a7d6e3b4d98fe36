package io.kanzen.client.qbittorrent;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.testkit.DownloadClientContractTest;
import io.kanzen.testkit.daemon.LocalDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The test kit's promises, kept against a real qbittorrent-nox on loopback. */
class QBittorrentContractTest extends DownloadClientContractTest {
    private static QBittorrentFixture qbt;

    @BeforeAll
    static void startQBittorrent() throws Exception {
        qbt = new QBittorrentFixture();
    }

    @AfterAll
    static void stopQBittorrent() {
        qbt.daemon.stop();
    }

    @Override
    protected DownloadClient givenARunningClient() {
        return qbt.client();
    }

    @Override
    protected DownloadClient givenAWrongPassword() {
        return qbt.client(qbt.daemon.url(), "not-the-password");
    }

    @Override
    protected DownloadClient givenADeadPeer() {
        return qbt.client("http://127.0.0.1:" + LocalDaemon.freePort(), "whatever");
    }

    @Override
    protected DownloadRequest sampleRequest() {
        // no tracker in the magnet: a tracker URL would make qBittorrent look its host up
        return DownloadRequest.of("magnet:?xt=urn:btih:5f3b0d0a0c7e4b1e8c2d9a6f4e3b2a1908070605&dn=One+Piece+T100", "One Piece",
                VolumeRange.of(100));
    }

    @Override
    protected DownloadHandle unknownHandle() {
        return new DownloadHandle(QBittorrentClient.NAME, "ffffffffffffffffffffffffffffffffffffffff");
    }
}
