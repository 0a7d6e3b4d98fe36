package io.kanzen.client.amule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.RateLimiter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole download's life as amuled reported it over a real transfer (fixture download-over-netns: two daemons in
 * network namespaces, which a loopback test cannot repeat). The frames are replayed by a small EC server.
 */
class AmuleReplayTest {
    private static final String HASH = "2c5690b7ec44759083a6daea530c8470";

    @Test
    void a_download_goes_from_transferring_to_completed_when_it_leaves_the_queue_for_the_shared_files() throws Exception {
        Map<Integer, Deque<String>> replies = Map.of(
                Ec.OP_AUTH_REQ, new ArrayDeque<>(java.util.List.of("plain/02-s2c-auth-salt.hex")),
                Ec.OP_AUTH_PASSWD, new ArrayDeque<>(java.util.List.of("plain/04-s2c-auth-ok.hex")),
                Ec.OP_GET_DLOAD_QUEUE, new ArrayDeque<>(java.util.List.of(
                        "download-over-netns/04-s2c-dload-queue-source-queued.hex",
                        "download-over-netns/07-s2c-dload-queue-half-done.hex",
                        "download-over-netns/09-s2c-dload-queue-after-complete.hex")),
                Ec.OP_GET_SHARED_FILES, new ArrayDeque<>(java.util.List.of("download-over-netns/13-s2c-shared-files-after-complete.hex")));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> serve(server, replies));
            peer.setDaemon(true);
            peer.start();
            AmuleClient client = new AmuleClient("127.0.0.1", server.getLocalPort(), "secret", HttpSettings.DEFAULT, RateLimiter.unlimited());
            DownloadHandle handle = new DownloadHandle(AmuleClient.NAME, HASH);

            DownloadStatus queued = client.status(handle);
            assertThat(queued.state()).isEqualTo(DownloadState.QUEUED);
            assertThat(queued.name()).isEqualTo("Test.Vol.05.cbz");
            assertThat(queued.speed()).isZero();
            assertThat(queued.etaSeconds()).isEqualTo(DownloadStatus.UNKNOWN); // nothing coming in: no time can be told

            DownloadStatus half = client.status(handle);
            assertThat(half.state()).isEqualTo(DownloadState.DOWNLOADING);
            assertThat(half.progress()).isBetween(0.3, 0.7);
            assertThat(half.size()).isEqualTo(2_500_000L);
            assertThat(half.speed()).isEqualTo(25_603L); // EC_TAG_PARTFILE_SPEED of the frame
            assertThat(half.etaSeconds()).isEqualTo(49L); // (2,500,000 - 1,269,760) bytes left at 25,603 B/s, rounded up

            DownloadStatus done = client.status(handle);
            assertThat(done.state()).isEqualTo(DownloadState.COMPLETED);
            assertThat(done.progress()).isEqualTo(1.0);
            assertThat(done.contentPath()).endsWith("/Test.Vol.05.cbz");
            assertThat(done.etaSeconds()).isZero();
            client.close();
        }
    }

    private static void serve(ServerSocket server, Map<Integer, Deque<String>> replies) {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                in.readInt();
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                Deque<String> answers = replies.get(body[0] & 0xFF);
                if (answers == null || answers.isEmpty()) {
                    return;
                }
                out.write(EcCodecTest.frame(answers.poll()));
                out.flush();
            }
        } catch (IOException e) {
            // the client closed: the replay is over
        }
    }
}
