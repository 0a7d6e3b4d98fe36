package io.kanzen.core.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private long now;
    private final List<Long> slept = new ArrayList<>();

    private TokenBucket bucket(double perSecond, int burst) {
        return new TokenBucket(perSecond, burst, () -> now, nanos -> {
            slept.add(nanos);
            now += nanos;
        });
    }

    @Test
    void a_burst_passes_at_once_then_calls_are_spaced_by_the_rate() {
        TokenBucket b = bucket(2, 3);
        for (int i = 0; i < 5; i++) {
            b.acquire();
        }
        assertThat(slept).hasSize(2).allSatisfy(n -> assertThat(n).isBetween(499_000_000L, 501_000_000L));
        assertThat(now).isBetween(999_000_000L, 1_001_000_000L); // 5 calls at 2/s after a burst of 3: one second
    }

    @Test
    void an_idle_peer_earns_its_burst_back_but_no_more() {
        TokenBucket b = bucket(1, 2);
        b.acquire();
        b.acquire();
        now += 60_000_000_000L; // a minute idle
        b.acquire();
        b.acquire();
        b.acquire();
        assertThat(slept).hasSize(1);
    }

    @Test
    void loopback_peers_get_the_fast_lane_and_remote_ones_the_configured_pace() {
        assertThat(TokenBucket.forPeer("127.0.0.1:8080", 2).perSecond()).isEqualTo(50);
        assertThat(TokenBucket.forPeer("localhost:9696", 2).perSecond()).isEqualTo(50);
        assertThat(TokenBucket.forPeer("www.nautiljon.com", 2).perSecond()).isEqualTo(2);
    }
}
