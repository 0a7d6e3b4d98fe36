package io.kanzen.core.internal.monitor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The edition a release belongs to, read from its title. Editions other than the regular one split a series into
 * volumes of their own (a Perfect Edition volume 17 is not regular volume 17), so a release of another edition than
 * the one collected is not the wanted volume. A coffret (box) of regular volumes is not an edition: it is a pack.
 * Collector and limited editions are the regular volume with extras, so they count as regular.
 */
public final class ReleaseEdition {
    /** The regular edition, the one a series is collected in unless its settings say otherwise. */
    public static final String REGULAR = "regular";

    private record Rule(String key, Pattern pattern) {}

    // Matched on the folded title (lower case, accents removed, punctuation as spaces), so "Édition Originale",
    // "edition.originale" and "EDITION-ORIGINALE" meet.
    private static final List<Rule> RULES = List.of(
            rule("perfect", "perfect( edition)?"),
            rule("kanzenban", "kanzenban"),
            rule("deluxe", "(edition )?de ?luxe"),
            rule("black", "black edition"),
            rule("ultimate", "ultimate( edition)?"),
            rule("double", "(edition )?double|2 ?(en|in) ?1"),
            rule("omnibus", "omnibus|3 ?(en|in) ?1"),
            rule("integrale", "integrale"),
            rule("originale", "edition originale"),
            rule("full-color", "full ?colou?r|en couleurs?|colou?r edition"),
            rule("master", "master edition"),
            rule("star", "star edition"),
            rule("gold", "gold edition"),
            rule("prestige", "edition prestige|prestige edition"),
            rule("anniversary", "edition (20|25|30) ans|anniversary edition|edition anniversaire"),
            rule("new-edition", "nouvelle edition"),
            rule("big", "big edition"));

    private ReleaseEdition() {}

    private static Rule rule(String key, String regex) {
        return new Rule(key, Pattern.compile("(?<![a-z0-9])(" + regex + ")(?![a-z0-9])"));
    }

    /** The edition named in {@code text} (the part of a title after the series' name), or empty for the regular one. */
    public static Optional<String> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(text);
        for (Rule r : RULES) {
            if (r.pattern.matcher(folded).find()) {
                return Optional.of(r.key);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} begins with an edition's name ("Black Edition T17" does, "Black Clover" does not). */
    static boolean startsWithEdition(String text) {
        String folded = fold(text);
        return RULES.stream().anyMatch(r -> r.pattern.matcher(folded).lookingAt());
    }

    /** The known edition keys, for settings that name one. */
    public static List<String> keys() {
        return RULES.stream().map(Rule::key).toList();
    }

    /** A user's edition name to its key: "Perfect Edition", "perfect" and "PERFECT" are one; blank is regular. */
    public static String normalise(String name) {
        if (name == null || name.isBlank() || fold(name).equals(REGULAR) || fold(name).equals("standard") || fold(name).equals("normale")) {
            return REGULAR;
        }
        return of(name).orElseGet(() -> {
            String k = fold(name).replace(' ', '-');
            if (keys().contains(k)) {
                return k;
            }
            throw new IllegalArgumentException("unknown edition '" + name + "': regular or one of " + String.join(", ", keys()));
        });
    }

    static String fold(String text) {
        String d = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = true;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        return b.toString().strip();
    }
}
