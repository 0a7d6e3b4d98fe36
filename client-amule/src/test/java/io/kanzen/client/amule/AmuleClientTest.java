package io.kanzen.client.amule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the aMule client does beyond the kit, against a real amuled. */
class AmuleClientTest {
    private static AmuleFixture amule;
    private static final Random RANDOM = new Random();

    @BeforeAll
    static void startAmule() throws Exception {
        amule = new AmuleFixture();
    }

    @AfterAll
    static void stopAmule() {
        amule.daemon.stop();
    }

    @Test
    void an_added_link_is_in_the_queue_with_its_name_and_size_and_waits_for_sources() {
        String hash = randomHash();
        try (DownloadClient client = amule.client()) {
            DownloadHandle handle = client.submit(DownloadRequest.of(link("Vagabond - Tome 37.cbz", 31_457_280, hash), "Vagabond", VolumeRange.of(37)));

            assertThat(handle.id()).isEqualTo(hash);
            DownloadStatus status = client.status(handle);
            assertThat(status.name()).isEqualTo("Vagabond - Tome 37.cbz");
            assertThat(status.size()).isEqualTo(31_457_280L);
            assertThat(status.progress()).isZero();
            assertThat(status.state()).isEqualTo(DownloadState.STALLED); // no server, no Kad: no source ever comes
        }
    }

    @Test
    void a_download_in_the_queue_is_removed_and_removing_it_again_is_a_success() {
        String hash = randomHash();
        try (DownloadClient client = amule.client()) {
            DownloadHandle handle = client.submit(DownloadRequest.of(link("Vagabond - Tome 38.cbz", 1_048_576, hash), "Vagabond", VolumeRange.of(38)));
            assertThat(client.status(handle).state()).isNotEqualTo(DownloadState.MISSING);

            client.remove(handle, true);

            assertThat(client.status(handle).state()).isEqualTo(DownloadState.MISSING);
            client.remove(handle, true);
        }
    }

    @Test
    void a_link_cut_short_is_refused_before_amule_sees_it() {
        try (DownloadClient client = amule.client()) {
            assertThatThrownBy(() -> client.submit(DownloadRequest.of("ed2k://|file|Naruto.T01.cbz|1234|0123456789AB", "Naruto", VolumeRange.of(1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        }
    }

    @Test
    void many_calls_share_one_connection_and_each_goes_through_the_rate_limiter() {
        String key = "127.0.0.1:" + amule.daemon.ecPort();
        try (DownloadClient client = amule.client()) {
            int before = amule.context.acquired(key);
            for (int i = 0; i < 50; i++) {
                client.checkConnection();
            }
            assertThat(amule.context.acquired(key) - before).isEqualTo(50);
        }
    }

    @Test
    void a_killed_amuled_is_unavailable_and_the_same_client_works_again_after_a_restart() {
        try (DownloadClient client = amule.client()) {
            client.checkConnection();
            try {
                amule.daemon.kill();
                assertThatThrownBy(client::checkConnection)
                        .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
            } finally {
                amule.daemon.start();
            }
            DownloadHandle handle = client.submit(DownloadRequest.of(link("Monster T01.cbz", 1000, randomHash()), "Monster", VolumeRange.of(1)));
            assertThat(client.status(handle).state()).isNotEqualTo(DownloadState.MISSING);
        }
    }

    private static String link(String name, long size, String hash) {
        return "ed2k://|file|" + name.replace(" ", "%20") + "|" + size + "|" + hash.toUpperCase() + "|/";
    }

    private static String randomHash() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return b.toString();
    }
}
