package io.kanzen.core;

import java.util.List;

/**
 * One page of the history, newest first.
 *
 * @param total how many events the filter matches in all (not only on this page)
 */
public record HistoryPage(List<HistoryEvent> items, long total, int offset, int limit) {
    /** The most events one page may hold: a page is read whole into memory and sent at once. */
    public static final int MAX_LIMIT = 500;

    public HistoryPage {
        items = List.copyOf(items);
        if (total < 0 || offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a history page needs total >= 0, offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }
}
