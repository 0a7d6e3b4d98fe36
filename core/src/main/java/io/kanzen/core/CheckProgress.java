package io.kanzen.core;

import java.time.Instant;

/** Where the running check is, for a progress bar; {@code running} false when none runs. */
public record CheckProgress(boolean running, int seriesDone, int seriesTotal, int results, int grabs, Instant startedAt) {
    public static final CheckProgress IDLE = new CheckProgress(false, 0, 0, 0, 0, null);
}
