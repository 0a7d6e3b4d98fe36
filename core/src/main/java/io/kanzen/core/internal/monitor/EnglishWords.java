package io.kanzen.core.internal.monitor;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a subtitle is written in English. After a series' name, a subtitle in romaji or in French is most often
 * another name of the same work ({@code Demon Slayer - Kimetsu no Yaiba}, {@code Saint Seiya - Les Chevaliers du
 * Zodiaque}), while an English one most often names a spin-off ({@code Saint Seiya - The Lost Canvas}, {@code Attack
 * on Titan - Before the Fall}); the user's aliases settle the exceptions.
 */
final class EnglishWords {
    /** Words that French and romaji titles do not use, and English titles seldom go without. */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "a", "an", "in", "on", "at", "for", "with", "from", "to", "into",
            "before", "after", "beyond", "my", "your", "our", "his", "her", "its", "is", "are", "lost", "quest", "story", "stories", "tales",
            "tale", "chronicles", "legend", "legends", "world", "new", "next", "last", "first", "final", "days", "years", "age", "war", "wars");

    private EnglishWords() {}

    static boolean inSubtitle(String subtitle) {
        for (String w : subtitle.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (ENGLISH.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
