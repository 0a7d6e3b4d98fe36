package io.kanzen.bench.decisions;

/**
 * One release Kanzen sent, as {@code kanzen downloads --json} lists it.
 *
 * @param series   the series it was sent for
 * @param infoHash the client's handle (lower-case hex), null when the client refused it
 * @param state    Kanzen's state of the download
 * @param check    the check (1, 2, 3...) it was sent in, 0 when unknown
 */
public record Send(String series, String infoHash, String state, int check) {}
