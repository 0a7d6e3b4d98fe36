package io.kanzen.core;

import io.kanzen.api.VolumeRange;
import java.util.List;

/**
 * What one pass over the sent downloads did: imports, failures, stalls (each also a history entry), and the clients
 * that could not be asked.
 */
public record TrackReport(List<Event> events, List<Problem> problems) {
    public static final TrackReport EMPTY = new TrackReport(List.of(), List.of());

    public TrackReport {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** One thing that happened to a download; {@code kind} is the kind of its history entry. */
    public record Event(long grabId, HistoryEvent.Kind kind, String title, VolumeRange volume, String message) {}

    public List<Event> imported() {
        return events.stream().filter(e -> e.kind() == HistoryEvent.Kind.IMPORT).toList();
    }
}
