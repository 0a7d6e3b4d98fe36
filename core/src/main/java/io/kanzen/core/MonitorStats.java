package io.kanzen.core;

/** The overview's figures. */
public record MonitorStats(int seriesMonitored, int volumesMissing, int downloadsSent, int downloadsImported, int downloadsFailed, int searches) {}
