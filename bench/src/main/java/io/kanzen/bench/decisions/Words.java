package io.kanzen.bench.decisions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The loose word matching of a tracker's search box: accents, case and punctuation aside, numbers by value. */
final class Words {
    private Words() {}

    /** Titles are matched again for every query: their words are worked out once. */
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    static List<String> of(String text) {
        return CACHE.computeIfAbsent(text, Words::split);
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private static List<String> split(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : SEPARATORS.split(plain)) {
            if (!w.isEmpty()) {
                out.add(NUMBER.matcher(w).matches() ? Integer.toString(Integer.parseInt(w.length() > 9 ? w.substring(w.length() - 9) : w)) : w);
            }
        }
        return List.copyOf(out);
    }

    static boolean containsAll(List<String> title, List<String> query) {
        return title.containsAll(query);
    }
}
