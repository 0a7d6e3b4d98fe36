package io.kanzen.source.nautiljon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** A clock the sleeper moves forward, so no test waits for real. */
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final List<Duration> slept = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void a_request_right_after_another_waits_for_the_rest_of_the_interval() {
        Pacer pacer = new Pacer(Duration.ofSeconds(5), clock, d -> {
            slept.add(d);
            now = now.plus(d);
        });
        pacer.await();
        now = now.plusSeconds(2);
        pacer.await();
        now = now.plusSeconds(9);
        pacer.await();

        assertThat(slept).containsExactly(Duration.ofSeconds(3));
    }
}
