package io.kanzen.client.amule;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.testkit.DownloadClientContractTest;
import io.kanzen.testkit.daemon.LocalDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The test kit's promises, kept against a real amuled on loopback. */
class AmuleContractTest extends DownloadClientContractTest {
    private static AmuleFixture amule;

    @BeforeAll
    static void startAmule() throws Exception {
        amule = new AmuleFixture();
    }

    @AfterAll
    static void stopAmule() {
        amule.daemon.stop();
    }

    @Override
    protected DownloadClient givenARunningClient() {
        return amule.client();
    }

    @Override
    protected DownloadClient givenAWrongPassword() {
        return amule.client(amule.daemon.ecPort(), "not-the-password");
    }

    @Override
    protected DownloadClient givenADeadPeer() {
        return amule.client(LocalDaemon.freePort(), "whatever");
    }

    @Override
    protected DownloadRequest sampleRequest() {
        return DownloadRequest.of("ed2k://|file|One%20Piece%20-%20Tome%20100.cbz|52428800|5F3B0D0A0C7E4B1E8C2D9A6F4E3B2A19|/",
                "One Piece", VolumeRange.of(100));
    }

    @Override
    protected DownloadHandle unknownHandle() {
        return new DownloadHandle(AmuleClient.NAME, "ffffffffffffffffffffffffffffffff");
    }
}
