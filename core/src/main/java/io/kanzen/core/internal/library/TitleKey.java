package io.kanzen.core.internal.library;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a title used to tell whether two titles name the same series: accents, case and punctuation
 * do not count, and an apostrophe separates words as a dot does in scene names ({@code "L'Attaque des Titans"},
 * {@code "L.Attaque.des.Titans"} and {@code "l_attaque des titans"} meet).
 */
public final class TitleKey {
    private TitleKey() {}

    public static String of(String title) {
        if (title == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
