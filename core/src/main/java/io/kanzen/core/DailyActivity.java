package io.kanzen.core;

import java.time.LocalDate;

/**
 * What happened on one day, counted from the history, and how many volumes were missing at its end.
 *
 * @param sent     downloads sent to a client (by a check or by hand)
 * @param imported finished downloads placed in the library
 * @param failed   downloads that failed: refused by the client, failed or stalled in it, or that could not be imported
 * @param missing  the volumes the monitored series lacked at the end of the day (the last count recorded by then),
 *                 or null when no count had been recorded yet
 */
public record DailyActivity(LocalDate day, int sent, int imported, int failed, Integer missing) {}
