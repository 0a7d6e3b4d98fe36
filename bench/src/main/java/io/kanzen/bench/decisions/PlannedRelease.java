package io.kanzen.bench.decisions;

import java.time.Instant;

/**
 * One release as an indexer lists it. Two releases with the same {@code infoHash} are the same torrent listed by
 * two indexers.
 *
 * @param plantedFor the library series it was planted against (a trap's target), null for catalogue noise
 */
public record PlannedRelease(int id, int indexerId, String title, long size, int seeders, int leechers, LinkStyle link,
        String infoHash, Instant published, String protocol, Truth truth, String plantedFor) {}
