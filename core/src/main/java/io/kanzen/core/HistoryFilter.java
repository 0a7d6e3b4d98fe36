package io.kanzen.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which history events to list or export: every condition given must hold; a null or empty one lets all through.
 *
 * @param kinds    the event types wanted; empty for all
 * @param seriesId the library series the events are about, or null for all
 * @param from     the first instant included, or null; kept to the whole second (history is compared by second)
 * @param to       the first instant excluded, or null; kept to the whole second
 * @param success  true for successes only, false for failures only, null for both
 */
public record HistoryFilter(Set<HistoryEvent.Kind> kinds, Long seriesId, Instant from, Instant to, Boolean success) {
    /** Every event. */
    public static final HistoryFilter ALL = new HistoryFilter(Set.of(), null, null, null, null);

    public HistoryFilter {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        from = from == null ? null : from.truncatedTo(ChronoUnit.SECONDS);
        to = to == null ? null : to.truncatedTo(ChronoUnit.SECONDS);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the start of the period (" + from + ") must come before its end (" + to + ")");
        }
    }

    public HistoryFilter withKinds(Set<HistoryEvent.Kind> k) {
        return new HistoryFilter(k, seriesId, from, to, success);
    }

    public HistoryFilter withSeries(Long id) {
        return new HistoryFilter(kinds, id, from, to, success);
    }

    public HistoryFilter between(Instant start, Instant end) {
        return new HistoryFilter(kinds, seriesId, start, end, success);
    }

    public HistoryFilter withSuccess(Boolean s) {
        return new HistoryFilter(kinds, seriesId, from, to, s);
    }
}
