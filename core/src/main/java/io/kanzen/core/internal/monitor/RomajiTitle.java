package io.kanzen.core.internal.monitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a subtitle reads as a Japanese title written in Latin letters ({@code Kimetsu no Yaiba}, {@code Shingeki
 * no Kyojin}, {@code Boku no Hero Academia}). A French or English series name followed by its romaji title is the
 * same work under its original name; followed by English or French words ({@code The Lost Canvas}, {@code Episode
 * Nagi}, {@code Before the Fall}) it is most often a spin-off, which only an alias can tell otherwise.
 */
final class RomajiTitle {
    /** A word made of Hepburn syllables: an optional doubled consonant, a consonant group, vowels; or a syllabic n. */
    private static final Pattern WORD = Pattern.compile("(?:(?:([kstpgdbmhrzjf])\\1)?(?:ch|sh|ts|[kgsztdnhbpmyrwfj]y?)?[aeiou]+|n)+");
    private static final Set<String> PARTICLES = Set.of("no", "ni", "wa", "ga", "wo", "to", "de", "mo", "ka", "e", "he");

    private RomajiTitle() {}

    static boolean looksLike(String subtitle) {
        String folded = Normalizer.normalize(subtitle, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('ā', 'a').replace('ō', 'o').replace('ū', 'u');
        String[] words = folded.replaceAll("['’-]", "").split("[^a-z0-9]+");
        int romaji = 0;
        int total = 0;
        boolean particle = false;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            total++;
            if (WORD.matcher(w).matches()) {
                romaji++;
            }
            particle |= PARTICLES.contains(w);
        }
        // every word romaji, or a particle joining mostly romaji words (a loan word such as "Hero" among them)
        return total > 0 && (romaji == total || particle && total >= 3 && romaji * 2 > total);
    }
}
