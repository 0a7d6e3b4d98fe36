package io.kanzen.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.core.internal.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingSnapshotsTest {
    @TempDir
    Path tmp;
    private Instant now = Instant.parse("2026-11-20T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aCountIsWrittenOnlyWhenItChangesAndADayKeepsItsLastCount() {
        try (Database db = Database.open(tmp)) {
            MissingSnapshots snapshots = new MissingSnapshots(db, clock);

            assertThat(snapshots.record(10, 3)).isTrue();
            now = now.plus(Duration.ofHours(2));
            assertThat(snapshots.record(10, 3)).as("the same count: nothing written").isFalse();
            assertThat(snapshots.record(8, 3)).isTrue();
            assertThat(snapshots.before(now.plusSeconds(1))).as("one row for the day, with its last count")
                    .containsExactly(new MissingSnapshots.Snapshot(now, 8, 3));

            now = now.plus(Duration.ofDays(1));
            assertThat(snapshots.record(8, 3)).as("unchanged the next day: still nothing written").isFalse();
            assertThat(snapshots.record(8, 4)).isTrue();
            assertThat(snapshots.before(now.plusSeconds(1))).extracting(MissingSnapshots.Snapshot::monitored).containsExactly(3, 4);
            assertThat(snapshots.before(now)).as("only what was recorded before the end").hasSize(1);
        }
    }
}
