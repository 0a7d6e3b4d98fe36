package io.kanzen.core;

/**
 * How one source did over a period: its searches, and what became of the downloads it found.
 *
 * @param source         the source's name, or null for links sent by hand
 * @param searches       searches that answered (with or without results)
 * @param searchFailures searches, metadata requests and index refreshes that failed
 * @param sent           downloads of its releases sent in the period, whatever became of them
 * @param imported       of those, the ones placed in the library
 * @param failed         of those, the ones the client refused, failed or lost
 * @param active         of those, the ones still downloading
 */
public record SourceActivity(String source, int searches, int searchFailures, int sent, int imported, int failed, int active) {
    /** Imported out of the downloads that ended (imported or failed), or null when none ended yet. */
    public Double successRate() {
        int ended = imported + failed;
        return ended == 0 ? null : (double) imported / ended;
    }
}
