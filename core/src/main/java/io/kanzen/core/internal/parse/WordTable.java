package io.kanzen.core.internal.parse;

import java.util.Map;

/**
 * A fixed map from words to values, looked up by a range of a longer string.
 *
 * <p>Why: the parser looks up every word of every name (tags, publishers, the words a volume or chapter marker
 * starts with). {@code map.get(s.substring(from, to))} allocates a string per word; this table hashes the range in
 * place and compares characters, so a lookup allocates nothing.
 */
final class WordTable<V> {
    private final String[] keys;
    private final Object[] values;
    private final int mask;
    private final int longest;
    /**
     * For each length, the first characters of the words that long (one bit per character, a few characters sharing
     * a bit): most words of a title ("piece", "one") start with no word's letter at their length and are not hashed.
     */
    private final long[] firstCharsByLength;

    WordTable(Map<String, V> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1; // a quarter full at most: short probes
        keys = new String[size];
        values = new Object[size];
        mask = size - 1;
        int max = 0;
        for (String k : entries.keySet()) {
            max = Math.max(max, k.length());
        }
        firstCharsByLength = new long[max + 1];
        for (Map.Entry<String, V> e : entries.entrySet()) {
            String k = e.getKey();
            int i = hash(k, 0, k.length()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            values[i] = e.getValue();
            if (!k.isEmpty()) {
                firstCharsByLength[k.length()] |= 1L << k.charAt(0); // the shift takes the character's low six bits
            }
        }
        longest = max;
    }

    /** The length of the longest word: a longer range is never in the table. */
    int longest() {
        return longest;
    }

    /** The value of the word {@code s[from, to)}, or null. */
    @SuppressWarnings("unchecked")
    V get(String s, int from, int to) {
        int length = to - from;
        if (length > longest || length > 0 && (firstCharsByLength[length] & 1L << s.charAt(from)) == 0) {
            return null;
        }
        for (int i = hash(s, from, to) & mask; keys[i] != null; i = (i + 1) & mask) {
            String k = keys[i];
            if (k.length() == length && s.startsWith(k, from)) {
                return (V) values[i];
            }
        }
        return null;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 7) ^ (h >>> 16);
    }
}
