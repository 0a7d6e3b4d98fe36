package io.kanzen.core.internal.monitor;

import io.kanzen.core.internal.library.TitleKey;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a release title names a series, by its title or one of its aliases, read at the start of the raw
 * title rather than from the parser's guess of the series. Reading the raw title keeps the numbers that belong to a
 * title in it ({@code Kaiju No. 8}, {@code Mob Psycho 100}, {@code Series 03}): once a name is matched, the rest of
 * the title alone is read for volumes (see {@link ReleaseReader}).
 *
 * <p>What follows the matched name decides:
 * <ul>
 *   <li>nothing but numbers and tags: the same series;</li>
 *   <li>a subtitle after a spaced separator, in romaji or French ({@code "Demon Slayer - Kimetsu no Yaiba"},
 *       {@code "Hokuto no Ken - Ken le Survivant"}): the same work under another of its names, unless the subtitle is
 *       a sequel or spin-off word or another series of the library claims the title with a longer name; a subtitle in
 *       English ({@code "Saint Seiya - The Lost Canvas"}) is a spin-off unless it is one of the series' aliases;</li>
 *   <li>words glued to the name ({@code "Dragon Ball Super"}, {@code "Tokyo Ghoul:re"}, {@code "One Piece Party"}):
 *       another series.</li>
 * </ul>
 */
public final class SeriesIdentity {
    /** Words that, right after a series' name, make another series of the same franchise. */
    private static final Set<String> SEQUEL_WORDS = Set.of("re", "gaiden", "super", "party", "shippuden", "shippuuden", "next", "generations",
            "kai", "gt", "z", "zero", "origins", "origin", "side", "spin", "spinoff", "after", "before", "academy", "school", "heroes",
            "legends", "anthology", "anthologie", "x", "ii", "iii", "2", "3", "second", "new", "shin", "boruto", "chibi", "kids", "junior",
            "returns", "rebirth", "reboot", "prequel", "sequel", "recollections", "databook", "guidebook", "artbook", "fanbook", "episode",
            "saison", "season", "part", "partie", "arc", "extra", "extras", "special", "omake", "novel", "roman", "anime");

    public enum Kind {
        /** The title, an alias, or the title followed by one of its aliases. */
        SAME,
        /** The title followed by an unknown subtitle after a spaced separator. */
        SUBTITLE,
        /** A name that starts like this series but is another one. */
        OTHER_SERIES,
        /** No name of this series starts the title. */
        NONE
    }

    /**
     * @param kind     the verdict
     * @param name     the alias that matched, or the other series' name
     * @param nameEnd  the index in the raw title right after the matched name (0 when none matched)
     * @param extra    the words between the name and the volume (the subtitle or the sequel word), may be empty
     */
    public record Match(Kind kind, String name, int nameEnd, String extra) {
        public boolean accepted() {
            return kind == Kind.SAME || kind == Kind.SUBTITLE;
        }
    }

    private final List<String> names;
    /** {@link #names}, folded once. */
    private final String[] foldedNames;
    private final Titles siblings;

    /**
     * @param names    the series' title first, then its aliases (user's, metadata's)
     * @param siblings the titles of the library's other series
     */
    public SeriesIdentity(List<String> names, List<String> siblings) {
        this(names, new Titles(siblings));
    }

    /**
     * @param names    the series' title first, then its aliases (user's, metadata's)
     * @param siblings the titles of the library's series, folded once for every series of a check; the series' own
     *                 title may be among them (a name of the series is never "another series")
     */
    public SeriesIdentity(List<String> names, Titles siblings) {
        this.names = withDerived(names);
        this.foldedNames = this.names.stream().map(SeriesIdentity::folded).toArray(String[]::new);
        this.siblings = siblings;
    }

    /**
     * Series titles folded (see {@link #folded}) once. A check judges every release of every series against the
     * titles of the whole library: folding them again for each release made a check's time grow with the square of
     * the library (issue 16, goal 6).
     */
    public static final class Titles {
        private final List<String> titles;
        private final String[] folded;

        public Titles(List<String> titles) {
            this.titles = List.copyOf(titles);
            this.folded = this.titles.stream().map(SeriesIdentity::folded).toArray(String[]::new);
        }
    }

    public List<String> names() {
        return names;
    }

    /**
     * The "Title - Subtitle" form of a title also answers to each of its parts, when both are names of their own
     * (two words or more: {@code "Demon Slayer - Kimetsu no Yaiba"} answers to both halves, {@code "Naruto -
     * Shippuden"} to neither, for "Naruto" alone is another series).
     */
    private static List<String> withDerived(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            out.add(n.strip());
        }
        for (String n : List.copyOf(out)) {
            String[] parts = n.split("\\s+[-–—:|/]\\s+|:\\s+", 2);
            if (parts.length == 2 && words(parts[0]) >= 2 && words(parts[1]) >= 2) {
                out.add(parts[0].strip());
                out.add(parts[1].strip());
            }
        }
        return List.copyOf(out);
    }

    private static int words(String s) {
        String k = TitleKey.of(s);
        return k.isEmpty() ? 0 : k.split(" ").length;
    }

    /** Judges a raw release title. {@code parsedSeries} is the parser's reading, used when no name starts the title. */
    public Match match(String rawTitle, String parsedSeries) {
        int start = startOfName(rawTitle);
        FoldedTitle raw = FoldedTitle.of(rawTitle, start);
        Found best = null;
        for (int k = 0; k < names.size(); k++) {
            int end = raw.prefixEnd(foldedNames[k]);
            if (end >= 0 && (best == null || end > best.end)) {
                best = new Found(names.get(k), end);
            }
        }
        if (best == null) {
            String key = TitleKey.of(parsedSeries);
            for (String n : names) {
                if (!key.isEmpty() && TitleKey.of(n).equals(key)) {
                    return new Match(Kind.SAME, n, 0, "");
                }
            }
            return new Match(Kind.NONE, parsedSeries == null ? "" : parsedSeries, 0, "");
        }
        for (int k = 0; k < siblings.folded.length; k++) {
            int end = raw.prefixEnd(siblings.folded[k]);
            if (end > best.end && !isName(siblings.titles.get(k))) {
                return new Match(Kind.OTHER_SERIES, siblings.titles.get(k), end, "");
            }
        }
        String rest = rawTitle.substring(best.end);
        String separator = leadingSeparator(rest);
        String extra = wordsBeforeVolume(rest.substring(separator.length()));
        if (extra.isEmpty()) {
            return new Match(Kind.SAME, best.name, best.end, "");
        }
        String extraKey = TitleKey.of(extra);
        for (String n : names) {
            if (TitleKey.of(n).equals(extraKey)) {
                return new Match(Kind.SAME, best.name, best.end, extra);
            }
        }
        String first = extraKey.split(" ")[0];
        boolean spaced = !separator.isBlank() && separator.strip().length() <= 2 && Character.isWhitespace(separator.charAt(separator.length() - 1))
                && (Character.isWhitespace(separator.charAt(0)) || separator.strip().equals(":"));
        if (spaced && !SEQUEL_WORDS.contains(first) && !EnglishWords.inSubtitle(extra)) {
            return new Match(Kind.SUBTITLE, best.name, best.end, extra);
        }
        return new Match(Kind.OTHER_SERIES, (rawTitle.substring(start, best.end + separator.length()) + extra).strip(), best.end, extra);
    }

    private boolean isName(String title) {
        String k = TitleKey.of(title);
        return names.stream().anyMatch(n -> TitleKey.of(n).equals(k));
    }

    private record Found(String name, int end) {}

    /** Where the series' name can start: after leading bracketed blocks such as a group ({@code [Team] }, {@code (Manga) }). */
    static int startOfName(String raw) {
        int i = 0;
        while (true) {
            while (i < raw.length() && (Character.isWhitespace(raw.charAt(i)) || raw.charAt(i) == '-' || raw.charAt(i) == '_' || raw.charAt(i) == '.')) {
                i++;
            }
            if (i < raw.length() && "[({".indexOf(raw.charAt(i)) >= 0) {
                char close = raw.charAt(i) == '[' ? ']' : raw.charAt(i) == '(' ? ')' : '}';
                int end = raw.indexOf(close, i + 1);
                if (end < 0) {
                    return i;
                }
                i = end + 1;
            } else {
                return i;
            }
        }
    }

    /**
     * Where {@code name} ends when it starts {@code raw} at {@code from}, letters and digits compared without case,
     * accents or punctuation, and followed by a word boundary; -1 when it does not.
     */
    static int prefixEnd(String raw, int from, String name) {
        return FoldedTitle.of(raw, from).prefixEnd(folded(name));
    }

    /**
     * A raw title folded character by character from where a name may start, with, at each place of the folded text
     * where a character's folding ends, the index in the raw title after that character: a name starts the title when
     * the folded text starts with the folded name and the name ends where a character's folding does.
     */
    private static final class FoldedTitle {
        private final String raw;
        private final String text;
        /** For each index of {@link #text}: the raw index after the character whose folding ends there, or -1. */
        private final int[] rawAfter;

        private FoldedTitle(String raw, String text, int[] rawAfter) {
            this.raw = raw;
            this.text = text;
            this.rawAfter = rawAfter;
        }

        static FoldedTitle of(String raw, int from) {
            StringBuilder text = new StringBuilder(raw.length());
            int[] after = new int[raw.length() + 1];
            java.util.Arrays.fill(after, -1);
            for (int i = from; i < raw.length(); i++) {
                char c = raw.charAt(i);
                String f = c < 128 ? asciiFolded(c) : folded(String.valueOf(c));
                if (f.isEmpty()) {
                    continue;
                }
                text.append(f);
                if (text.length() >= after.length) {
                    int old = after.length;
                    after = java.util.Arrays.copyOf(after, Math.max(text.length() + 1, old * 2));
                    java.util.Arrays.fill(after, old, after.length, -1);
                }
                after[text.length()] = i + 1;
            }
            return new FoldedTitle(raw, text.toString(), after);
        }

        /** Where the folded name {@code want} ends in the raw title, followed by a word boundary; -1 when it does not start it. */
        int prefixEnd(String want) {
            if (want.isEmpty() || !text.startsWith(want)) {
                return -1;
            }
            int i = rawAfter[want.length()];
            if (i < 0) {
                return -1; // the name ends inside one character's folding
            }
            if (i < raw.length() && Character.isLetterOrDigit(raw.charAt(i))) {
                return -1; // "Dragon Balls" does not start with "Dragon Ball"
            }
            return i;
        }
    }

    private static final String[] ASCII_FOLDED = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_FOLDED[c] = folded(String.valueOf(c));
        }
    }

    /** {@link #folded} of one ASCII character, without the normalizer. */
    private static String asciiFolded(char c) {
        return ASCII_FOLDED[c];
    }

    /** Lower case letters and digits only, accents removed. */
    static String folded(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String leadingSeparator(String rest) {
        int i = 0;
        while (i < rest.length() && !Character.isLetterOrDigit(rest.charAt(i)) && "[({".indexOf(rest.charAt(i)) < 0) {
            i++;
        }
        return rest.substring(0, i);
    }

    /**
     * The words of {@code rest} before its first number, volume word or bracket: the subtitle or sequel word that
     * follows a series' name. A volume word glued to a number ({@code T05}, {@code v11}) ends it too.
     */
    static String wordsBeforeVolume(String rest) {
        List<String> out = new ArrayList<>();
        String[] tokens = rest.split("[\\s._]+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                continue;
            }
            if (ReleaseEdition.startsWithEdition(String.join(" ", java.util.Arrays.copyOfRange(tokens, i, tokens.length)))) {
                break; // "Title Black Edition T17": the edition's words are not a subtitle
            }
            char c = token.charAt(0);
            String lower = TitleKey.of(token);
            if (Character.isDigit(c) && startsTitleWords(tokens, i)) {
                out.add(token); // "100 Years Quest", "5D's": a number that begins words is part of a title
                continue;
            }
            if ("[({".indexOf(c) >= 0 || Character.isDigit(c) || c == '#' || lower.isEmpty()
                    || VOLUME_TOKEN.matcher(token.toLowerCase(Locale.ROOT)).matches() || NOT_A_TITLE.contains(lower)) {
                break;
            }
            out.add(token);
        }
        String joined = String.join(" ", out).strip();
        // a trailing separator left by "Title - Subtitle - Tome 3"
        return joined.replaceAll("[\\s\\-–—:|/,]+$", "");
    }

    /**
     * Whether the number token at {@code i} belongs to a title: letters glued to it that are no volume or ordinal
     * mark ({@code 5D's}), or a plain word right after it ({@code 100 Years}), where a volume number would be
     * followed by tags, brackets or nothing.
     */
    private static boolean startsTitleWords(String[] tokens, int i) {
        String t = tokens[i].toLowerCase(Locale.ROOT);
        if (t.matches("\\d+[a-z][a-z']*") && !t.matches("\\d+(e|er|eme|ème|st|nd|rd|th|v\\d*)")) {
            return true;
        }
        if (!t.matches("\\d+") || i + 1 >= tokens.length) {
            return false;
        }
        String next = tokens[i + 1];
        String nextKey = TitleKey.of(next);
        return !nextKey.isEmpty() && Character.isLetter(next.charAt(0)) && next.length() > 2
                && !VOLUME_TOKEN.matcher(next.toLowerCase(Locale.ROOT)).matches() && !NOT_A_TITLE.contains(nextKey);
    }

    /** Words that may stand between a name and its volume without making another title: tags, publishers, kinds. */
    private static final Set<String> NOT_A_TITLE = Set.of("manga", "mangas", "scan", "scans", "ebook", "ebooks", "e book", "francais", "french",
            "vostfr", "multi", "digital", "numerique", "hq", "hd", "web", "officiel", "official", "pack", "lot", "collection", "serie",
            "tomes", "volumes", "complet", "complete", "edition", "integrale", "coffret", "glenat", "kana", "pika", "kurokawa", "ki oon",
            "kioon", "delcourt", "tonkam", "kaze", "panini", "soleil", "casterman", "akata", "doki doki", "ototo", "mangetsu", "meian", "noeve",
            "vega", "dupuis", "taifu", "kotoba", "komikku", "viz", "yen", "kodansha", "seven", "vertical", "tokyopop", "english", "eng", "en",
            "ja", "raw", "version", "v2", "fixed", "repack", "proper", "dl", "torrent", "ed2k");

    private static final java.util.regex.Pattern VOLUME_TOKEN = java.util.regex.Pattern.compile(
            "(t|v|vol|tome|tomes|volume|volumes|band|b[aä]nde|tomo|ch|chap|chapitre|chapter|c|ep|hs|cbz|cbr|pdf|epub|vf|vo|fr|french|eng|"
                    + "int[eé]grale|coffret|box|perfect|deluxe|kanzenban|ultimate|double|omnibus|collector|edition|[eé]dition|complete)\\.?(\\d.*)?");
}
