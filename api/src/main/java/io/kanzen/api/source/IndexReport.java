package io.kanzen.api.source;

/**
 * What an index refresh did.
 *
 * @param pagesFetched   pages asked of the peer
 * @param itemsUpdated   items (forum threads) read again because they changed
 * @param itemsUnchanged items skipped because they had not changed
 * @param linksInIndex   links the index holds after the refresh
 */
public record IndexReport(int pagesFetched, int itemsUpdated, int itemsUnchanged, int linksInIndex) {
    public IndexReport {
        if (pagesFetched < 0 || itemsUpdated < 0 || itemsUnchanged < 0 || linksInIndex < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }
}
