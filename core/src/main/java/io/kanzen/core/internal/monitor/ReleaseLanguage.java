package io.kanzen.core.internal.monitor;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language a release shows, and on what evidence. An explicit tag read by the parser ({@code FR}, {@code VF},
 * {@code FRENCH}, {@code ENG}, {@code RAW}) wins. Otherwise conventions speak: French ones (a French publisher, the
 * word {@code Tome}; not {@code T05}, which Spanish names use too) and English ones ({@code v05 (2020) (Digital)}, {@code Vol. 5}, an English
 * publisher). Both at once, or neither, leave the language unknown: the release is "untagged".
 */
public final class ReleaseLanguage {
    /** How the language was told. */
    public enum Evidence {
        TAG, CONVENTION, NONE,
        /** French and English conventions at once: the language is unknown. */
        CONFLICT
    }

    /**
     * @param words what was read: the tag (TAG), the convention's word (CONVENTION), the French then the English word
     *              (CONFLICT), nothing (NONE); so that an explanation can name them in any language
     */
    public record Reading(String language, Evidence evidence, String why, List<String> words) {
        public static final Reading UNKNOWN = new Reading(null, Evidence.NONE, "no language tag nor convention", List.of());

        public Reading {
            words = List.copyOf(words);
        }

        public boolean known() {
            return language != null;
        }
    }

    // On the folded title: lower case, no accents, punctuation as single spaces.
    private static final List<Pattern> FRENCH = List.of(
            word("glenat|kana|pika|kurokawa|ki oon|kioon|delcourt|tonkam|kaze|panini manga|soleil|casterman|akata|doki doki|ototo|mangetsu"
                    + "|meian|noeve|noeve grafx|vega dupuis|vega|taifu|kotoba|komikku|nobi nobi|black box|ankama|pika edition|michel lafon|12 bis"),
            word("tomes?|vostfr|francais|french|vf|fr"));
    private static final List<Pattern> ENGLISH = List.of(
            word("viz( media)?|yen press|kodansha (comics|usa)|seven seas|dark horse|vertical|j novel club|tokyopop|square enix manga|one peace"
                    + "|udon|denpa|ghost ship|airship"),
            word("v\\d{1,4}( \\d+)?"),
            word("vol \\d{1,4}|volume \\d{1,4}"),
            word("digital|english|eng"));

    private ReleaseLanguage() {}

    private static Pattern word(String regex) {
        return Pattern.compile("(?<![a-z0-9])(" + regex + ")(?![a-z0-9])");
    }

    /**
     * @param tagged the language the parser read from a tag, or null
     * @param text   the release title (or the part after the series' name, so that a title's own words do not count)
     */
    public static Reading of(String tagged, String text) {
        if (tagged != null) {
            return new Reading(tagged, Evidence.TAG, "tagged " + tagged, List.of(tagged));
        }
        String folded = ReleaseEdition.fold(text == null ? "" : text);
        Optional<String> fr = first(FRENCH, folded);
        Optional<String> en = first(ENGLISH, folded);
        if (fr.isPresent() && en.isEmpty()) {
            return new Reading("fr", Evidence.CONVENTION, "French convention \"" + fr.get() + "\"", List.of(fr.get()));
        }
        if (en.isPresent() && fr.isEmpty()) {
            return new Reading("en", Evidence.CONVENTION, "English convention \"" + en.get() + "\"", List.of(en.get()));
        }
        if (en.isPresent()) {
            return new Reading(null, Evidence.CONFLICT, "French \"" + fr.get() + "\" and English \"" + en.get() + "\" conventions at once",
                    List.of(fr.get(), en.get()));
        }
        return Reading.UNKNOWN;
    }

    private static Optional<String> first(List<Pattern> patterns, String folded) {
        for (Pattern p : patterns) {
            var m = p.matcher(folded);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
