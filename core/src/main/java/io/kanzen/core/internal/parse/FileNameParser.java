package io.kanzen.core.internal.parse;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads manga file names and release titles: French ({@code Tome 12}, {@code T05}, {@code Tomes 1 à 5},
 * {@code HS2}, {@code VF}), English ({@code v01}, {@code Vol. 3}, {@code c001-008}, {@code #12}), Japanese,
 * Chinese and Korean volume markers ({@code 第5巻}, {@code 1-3巻}, {@code 3권}), scene names
 * ({@code L.Attaque.des.Titans.T05.FRENCH.CBZ-GRP}) and ed2k names (percent-encoded).
 *
 * <p>The conventions, in order: a number after a volume word is a volume; after a chapter word or {@code #}, a
 * chapter; a number with no word is a chapter (as in {@code Bleach 001}), unless it looks like a year.
 * Years, resolutions and group names in brackets are never numbers. The series is the text before the first
 * number or tag. Every pattern is bounded and input is capped, so parsing is linear in the name's length and
 * never throws.
 */
public final class FileNameParser implements NameParser {
    /** Longer names are cut: no real file name or release title is this long. */
    static final int MAX_LENGTH = 1024;

    private static final String[] FORMATS_BY_NAME = {"cbz", "cbr", "cb7", "cbt", "zip", "rar", "7z", "pdf", "epub", "mobi", "azw3"};
    private static final Set<String> FORMATS = Set.of(FORMATS_BY_NAME);

    private static final String NUM = "(?:\\d{1,5}(?:\\.\\d{1,3})?(?![\\d])|½)";
    // Unicode dashes, full-width tildes and wave dashes were folded to '-' and '~' in the lower-case copy.
    private static final String RANGE_SEP = "\\s{0,3}(?:-|~|à|a|au|to|bis|&|et|and|,)\\s{0,3}";

    /** Volume words, then the number or range. Single letters need the number right after them. */
    /**
     * Volume words of French, English, German ({@code Band}, {@code Bände}), Spanish, Italian and Portuguese
     * ({@code Tomo}, {@code Volumen}), Polish and Russian ({@code Tom}, {@code том}), Thai ({@code เล่ม}) and the CJK
     * ordinal {@code 第}. A whole-set word ({@code complete}, {@code intégrale}) counts only before a range.
     */
    private static final String VOLUME_WORD =
            "(?:volumes?|volumen|vols?|vo?l|tomes?|tomo|tom|books?|light\\s?novels?|light\\s?books?|novels?|ln|discs?|band|bände|baende|bd"
                    + "|том[аa]?|เล่ม|v(?=\\s?\\.?\\s?\\d)|t(?=\\.?\\s?\\d)|第"
                    + "|(?:complete|int[ée]grale)(?=\\s{0,3}\\d{1,4}\\s{0,3}(?:-|~|à|to)\\s{0,3}\\d))";
    /** After a volume word of two letters or more, a hyphen may stand for the space: {@code Vol-1}, but not {@code T-800}. */
    private static final String WORD_TO_NUMBER = "\\s{0,3}(?:\\.|(?<=\\p{L}\\p{L})-)?\\s{0,3}";
    /** CJK volume counters: 巻 (Japanese), 卷 册 冊 集 (Chinese), 권 (Korean). */
    private static final String CJK_VOLUME_COUNTER = "[巻卷册冊集권]";
    private static final String VOLUME = (
            "(?=[vtblndciเ第т])(?<![\\p{L}\\d])" + VOLUME_WORD + WORD_TO_NUMBER + "(" + NUM + ")"
                    + "((?:" + RANGE_SEP + "(?:" + VOLUME_WORD + "\\s{0,2}\\.?\\s{0,2})?" + NUM + "){0,20})"
                    + "(?:\\s?" + CJK_VOLUME_COUNTER + ")?(?![\\p{L}&&[^cxn巻卷册冊集권]])");
    /**
     * Numbers followed by a CJK volume counter ({@code 1-3巻}, {@code 3권}, {@code 제3권}) or by {@code том}; {@code 全10卷}
     * is the whole set, volumes 1 to 10.
     */
    static final LazyPattern CJK_VOLUME = new LazyPattern(
            "(?:(全)\\s?|[第제]\\s?)?(?=[\\d½])(" + NUM + ")(?:\\s?[-~]\\s?(" + NUM + "))?\\s?(?:" + CJK_VOLUME_COUNTER + "|том)");
    /** The Chinese counter written before the number: {@code 卷2}, {@code 册3}. */
    private static final LazyPattern CJK_VOLUME_BEFORE = new LazyPattern("[卷册]\\s?(" + NUM + ")");
    /** Numbers followed by a CJK chapter counter (話 话 화 回) or by the Russian {@code глава}: chapters. */
    private static final LazyPattern CJK_CHAPTER = new LazyPattern(
            "(?:[第제]\\s?)?(?=[\\d½])(" + NUM + ")(?:\\s?[-~]\\s?(" + NUM + "))?\\s?(?:[話话화回]|глав[аы])");
    /** A season marker before a number: {@code S2 - 05}, {@code Season 2 07}. Its number is neither volume nor chapter. */
    private static final String SEASON = ("(?=s)(?<![\\p{L}\\d])(?:s|season|saison)\\s?\\.?\\s?\\d{1,2}(?![\\p{L}\\d])");
    /** A part of a chapter: 4a or 4.a = 4.1, 4b = 4.2; extra = .99, omake = .98, special = .97. */
    private static final String SUFFIX = "(?:[.,-]?([a-e])(?![\\p{L}])|[.,\\s-]?(extra|omake|special)(?=vol|[^\\p{L}]|$))?";
    private static final String CHAPTER_WORD =
            "(?:chapters?|chapitres?|chaps?|chs?|chp|episodes?|ep|issues?|n°|nº|n(?=\\d)|c(?!2c(?![\\p{L}]))(?=\\s?\\.?\\s?\\d)|#"
                    + "|cap[íi]tulos?|capitol[oi]|kapitel|rozdzia[łl]|глав[аы]|第(?=\\d{1,5}\\s?[話话화回]))";
    private static final String CHAPTER = (
            "(?=[ceinhkrг#第])(?<![\\p{L}\\d])" + CHAPTER_WORD + "\\s{0,3}\\.?\\s{0,3}(" + NUM + ")" + SUFFIX
                    + "((?:" + RANGE_SEP + "(?:" + CHAPTER_WORD + "\\s{0,2}\\.?\\s{0,2})?" + NUM + "){0,20})"
                    + "(?:\\s?[話话화回])?(?![\\p{L}&&[^vx]])");
    private static final LazyPattern NUMBER_IN_RANGE = new LazyPattern(NUM);
    /** A lone number: the candidate for "Bleach 001" chapters. */
    private static final String BARE_NUMBER = (
            "(?=[\\d½])(?<![\\p{L}\\d.,#'’:])(?<!\\p{L}-)(" + NUM + ")((?:\\s{0,2}-\\s{0,2}" + NUM + "){0,20})" + SUFFIX
                    + "(?=$|[^\\p{L}\\d'’:]|:\\D|:$|[vx#]\\d|(?<=extra|omake|special)vol)");
    private static final String ORDINAL = ("(?=\\d)(?<![\\p{L}\\d])(\\d{1,4})(?:st|nd|rd|th)(?![\\p{L}\\d])");
    /** "1. Title", "05 - Title": an index number in front of the series. */
    private static final LazyPattern LEADING_INDEX = new LazyPattern("^\\s*(\\d{1,4})(?:\\s?-\\s?(\\d{1,4}))?\\s?(?:\\.|\\s-|\\s–)\\s+(?=\\p{L})");
    /** Files inside a volume folder: the folder is the name to read. */
    private static final Set<String> NOT_BOOKS = Set.of("jpg", "jpeg", "png", "webp", "gif", "xml", "json", "txt", "nfo", "opf");
    private static final String HORS_SERIE = (
            "(?=[hoesagfd])(?<![\\p{L}\\d])(?:hs|hors[\\s-]?s[ée]ries?|one[\\s-]?shots?|omake|extras?|specials?|sp(?=\\d)"
                    + "|art\\s?books?|guide\\s?books?|fan\\s?books?|data\\s?books?)\\s?\\.?\\s?(\\d{1,3})?(?![\\p{L}])");
    private static final LazyPattern PERCENT = new LazyPattern("%[0-9A-Fa-f]{2}");
    /**
     * A bracket in front: {@code ^\s*[\[(【]([^\])】]{1,80})[\])】]\s*}, read by hand ({@link #leadingOpen},
     * {@link #leadingClose}): under C1 the pattern cost more than the rest of such a name's reading.
     */
    private static final LazyPattern SCENE_GROUP = new LazyPattern("-([A-Za-z0-9]{2,20})$");
    private static final LazyPattern ONLY_A_NUMBER = new LazyPattern("#?\\d{1,5}");
    private static final LazyPattern YEAR = new LazyPattern("(?:19|20)\\d\\d");
    private static final LazyPattern PIXELS = new LazyPattern("\\d+(px)?");
    /** The longest tag word ("truefrench"): longer words are not looked up. */
    private static final int LONGEST_TAG = 10;
    private static final String[] NO_BRACKETS = {};

    /** Words that end a series title: tags of language, format, quality, edition. Lower case. */
    private static final Map<String, String> LANGUAGE_TAGS = Map.ofEntries(
            Map.entry("vf", "fr"), Map.entry("french", "fr"), Map.entry("fr", "fr"), Map.entry("vostfr", "fr"),
            Map.entry("francais", "fr"), Map.entry("français", "fr"), Map.entry("truefrench", "fr"),
            Map.entry("vo", "ja"), Map.entry("raw", "ja"), Map.entry("jap", "ja"), Map.entry("jpn", "ja"), Map.entry("japanese", "ja"),
            Map.entry("eng", "en"), Map.entry("english", "en"), Map.entry("en", "en"), Map.entry("vostang", "en"),
            Map.entry("multi", "multi"), Map.entry("ger", "de"), Map.entry("german", "de"), Map.entry("deutsch", "de"),
            Map.entry("ita", "it"), Map.entry("italian", "it"), Map.entry("esp", "es"), Map.entry("spa", "es"),
            Map.entry("spanish", "es"), Map.entry("kor", "ko"), Map.entry("korean", "ko"), Map.entry("chinese", "zh"));
    private static final Set<String> QUALITY_TAGS = Set.of(
            "cbz", "cbr", "pdf", "epub", "digital", "webrip", "scan", "scans", "hq", "hd", "c2c", "repack", "proper", "dl", "ddl");
    /** Before a volume marker: a word like "Double" or "Big" is an edition only there ("Double Arts T02" is a title). */
    private static final String BEFORE_VOLUME = "(?=\\s{0,3}(?:t|tomes?|vol|volumes?|v)\\s?\\.?\\s?\\d)";
    private static final String EDITION = (
            "(?=[pédeuckoi23mfbsgx])(?<![\\p{L}])(perfect\\s?edition|[ée]dition\\s?originale|[ée]dition\\s?deluxe|[ée]dition\\s?de\\s?luxe"
                    + "|deluxe(?:\\s?edition)?|ultimate\\s?edition|collector(?:'s)?(?:\\s?edition)?|kanzenban|omnibus|int[ée]grale|coffret"
                    + "|box[\\s-]?set|box" + BEFORE_VOLUME
                    + "|[ée]dition\\s?double|double\\s?edition|(?<=\\S\\s{1,3})double" + BEFORE_VOLUME
                    + "|(?<=\\S\\s{1,3})big" + BEFORE_VOLUME + "|big\\s?edition"
                    + "|3[\\s-]?in[\\s-]?1|2[\\s-]?in[\\s-]?1|complete\\s?edition"
                    + "|edition\\s?definitive|[ée]dition\\s?d[ée]finitive|master\\s?edition|full\\s?colou?r|[ée]dition\\s?couleur"
                    + "|black\\s?edition|star\\s?edition|gold\\s?edition|[ée]dition\\s?\\d{1,2}\\s?ans)(?![\\p{L}])");
    /** Every EDITION match contains one of these: a plain search rules most names out before the pattern runs. */
    private static final Stems EDITION_STEMS = new Stems(
        "dition", "deluxe", "collector", "kanzenban", "omnibus", "grale", "coffret", "in1", "in 1", "in-1", "color", "colour",
        "couleur", "box", "double", "big");
    private static final String COMPLETE = (
            "(?=[cibas])(?<![\\p{L}])(complete|compl[eè]te?|collection\\s?compl[eè]te|int[ée]grale|batch|all\\s?volumes|series\\s?pack)(?![\\p{L}])");
    private static final Stems COMPLETE_STEMS = new Stems("compl", "grale", "batch", "volumes", "pack");
    /**
     * Publishers' names, read as evidence of the language only where no tag says it, and only after the number or in
     * brackets (several are also words of titles: "Kana", "Soleil", "Vertical"). A two-word name has its second word.
     */
    private static final Map<String, String[]> PUBLISHERS = Map.ofEntries(
            Map.entry("glénat", new String[] {"fr", null}), Map.entry("glenat", new String[] {"fr", null}),
            Map.entry("kana", new String[] {"fr", null}), Map.entry("pika", new String[] {"fr", null}),
            Map.entry("kurokawa", new String[] {"fr", null}), Map.entry("ki", new String[] {"fr", "oon"}),
            Map.entry("kioon", new String[] {"fr", null}), Map.entry("delcourt", new String[] {"fr", null}),
            Map.entry("tonkam", new String[] {"fr", null}), Map.entry("kazé", new String[] {"fr", null}),
            Map.entry("kaze", new String[] {"fr", null}), Map.entry("soleil", new String[] {"fr", null}),
            Map.entry("casterman", new String[] {"fr", null}), Map.entry("akata", new String[] {"fr", null}),
            Map.entry("doki", new String[] {"fr", "doki"}), Map.entry("ototo", new String[] {"fr", null}),
            Map.entry("mangetsu", new String[] {"fr", null}), Map.entry("meian", new String[] {"fr", null}),
            Map.entry("noeve", new String[] {"fr", null}),
            Map.entry("viz", new String[] {"en", null}), Map.entry("yen", new String[] {"en", "press"}),
            Map.entry("kodansha", new String[] {"en", null}), Map.entry("seven", new String[] {"en", "seas"}),
            Map.entry("dark", new String[] {"en", "horse"}), Map.entry("vertical", new String[] {"en", null}),
            Map.entry("j", new String[] {"en", "novel"}), Map.entry("jnc", new String[] {"en", null}));

    /** What a word of a name may be, looked up once per word: a language or quality tag, a format, a publisher. */
    private record Word(String language, boolean tag, boolean format, String[] publisher) {}

    private static final WordTable<Word> WORDS = new WordTable<>(words());
    /** The words a bracket of tags may hold: languages, qualities, formats. */
    private static final WordTable<String> TAG_WORDS = tagWords();
    /** The formats, looked up by the extension's range in the name (the stored word is the format: no copy). */
    private static final WordTable<String> FORMAT_WORDS = new WordTable<>(formatWords());

    private static WordTable<String> tagWords() {
        Map<String, String> out = new java.util.HashMap<>();
        for (Set<String> words : List.of(LANGUAGE_TAGS.keySet(), QUALITY_TAGS, FORMATS)) {
            for (String w : words) {
                out.put(w, w);
            }
        }
        return new WordTable<>(out);
    }

    private static Map<String, String> formatWords() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String f : FORMATS) {
            out.put(f, f);
        }
        return out;
    }

    private static Map<String, Word> words() {
        Set<String> all = new java.util.HashSet<>(LANGUAGE_TAGS.keySet());
        all.addAll(QUALITY_TAGS);
        all.addAll(FORMATS);
        all.addAll(PUBLISHERS.keySet());
        Map<String, Word> out = new java.util.HashMap<>();
        for (String w : all) {
            out.put(w, new Word(LANGUAGE_TAGS.get(w), LANGUAGE_TAGS.containsKey(w) || QUALITY_TAGS.contains(w), FORMATS.contains(w),
                    PUBLISHERS.get(w)));
        }
        return Map.copyOf(out);
    }
    // The words of VOLUME_WORD and CHAPTER_WORD as runs of letters ("light novel" starts with "light"). A word
    // missing here is never read: WordPatternTest checks that a scan finds what the pattern alone finds.
    static final WordPattern VOLUMES = new WordPattern(VOLUME, "vtblndciเ第т", false, Set.of(
            "volume", "volumes", "volumen", "vol", "vols", "vl", "tome", "tomes", "tomo", "tom", "book", "books", "light", "lightnovel",
            "lightnovels", "lightbook", "lightbooks", "novel", "novels", "ln", "disc", "discs", "band", "bände", "baende", "bd",
            "том", "тома", "томa", "เล่ม", "v", "t", "第", "complete", "intégrale", "integrale"), Shortcuts.VOLUME);
    static final WordPattern CHAPTERS = new WordPattern(CHAPTER, "ceinhkrг#第", false, Set.of(
            "chapter", "chapters", "chapitre", "chapitres", "chap", "chaps", "ch", "chs", "chp", "episode", "episodes",
            "ep", "issue", "issues", "n", "nº", "c", "capítulo", "capítulos", "capitulo", "capitulos", "capitolo", "capitoli",
            "kapitel", "rozdział", "rozdzial", "глава", "главы", "第"));
    static final WordPattern SEASONS = new WordPattern(SEASON, "s", false, Set.of("s", "season", "saison"));
    static final WordPattern BARE_NUMBERS = new WordPattern(BARE_NUMBER, "0123456789½", false, null, Shortcuts.BARE_NUMBER);
    static final WordPattern ORDINALS = new WordPattern(ORDINAL, "0123456789", false);
    static final WordPattern SPECIALS = new WordPattern(HORS_SERIE, "hoesagfd", false, null, Shortcuts.SPECIAL);
    static final WordPattern EDITIONS = new WordPattern(EDITION, "pédeuckoi23mfbsg", true);
    static final WordPattern COMPLETES = new WordPattern(COMPLETE, "cibas", true);
    private static final Stems CJK_VOLUME_MARKS = new Stems("巻", "卷", "册", "冊", "集", "권", "том");
    private static final Stems CJK_CHAPTER_MARKS = new Stems("話", "话", "화", "回", "глав");
    private static final Stems HORS_SERIE_STEMS = new Stems("hs", "hors", "one", "omake", "extra", "special", "sp", "book");

    @Override
    public ParsedName parse(String raw) {
        if (raw == null) {
            return ParsedName.EMPTY;
        }
        try {
            return parseStrict(raw);
        } catch (RuntimeException e) {
            // A parser bug must not stop a scan or a search: an unread name is reported as having no number.
            return ParsedName.EMPTY;
        }
    }

    /**
     * Whether a name carries a chapter marker of its own ({@code Ch}, {@code Chapitre}, {@code c012}, {@code #5},
     * {@code 第12話}...), as opposed to a bare number that only a context can read.
     */
    public static boolean namesAChapter(String name) {
        if (name == null) {
            return false;
        }
        String lower = lowerCase(name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name).replace('_', ' ');
        return hasDigit(lower) && (CHAPTERS.scan(lower).find() || CJK_CHAPTER_MARKS.inAny(lower, Stems.charBits(lower)) && CJK_CHAPTER.get().matcher(lower).find());
    }

    /** {@link #parse} without its safety net, so that tests see any exception the parser would throw. */
    ParsedName parseStrict(String raw) {
        return raw == null ? ParsedName.EMPTY : read(raw);
    }

    private ParsedName read(String raw) {
        String capped = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        if (capped.indexOf('/') < 0 && capped.indexOf('\\') < 0) {
            return capped.isBlank() ? ParsedName.EMPTY : readOne(capped); // a plain name, the usual case: one segment
        }
        List<String> segments = pathSegments(capped);
        if (segments.isEmpty()) {
            return ParsedName.EMPTY;
        }
        // A page or metadata file inside a volume folder: the folder is what names the volume.
        while (segments.size() > 1 && NOT_BOOKS.contains(extension(segments.get(segments.size() - 1)))) {
            segments.remove(segments.size() - 1);
        }
        ParsedName own = readOne(segments.get(segments.size() - 1));
        for (int i = segments.size() - 2; own.series() == null && i >= 0; i--) {
            String folderSeries = readOne(segments.get(i)).series();
            if (folderSeries != null) {
                own = new ParsedName(folderSeries, own.volume(), own.chapter(), own.language(), own.format(), own.edition(),
                        own.group(), own.special(), own.completeSeries());
            }
        }
        return own;
    }

    /** The non-blank parts between {@code /} and {@code \\}; a slash inside brackets ({@code [ENG / CBZ]}) is text. */
    private static List<String> pathSegments(String path) {
        if (path.indexOf('/') < 0 && path.indexOf('\\') < 0) {
            return path.isBlank() ? List.of() : List.of(path); // a plain name, the usual case
        }
        List<String> segments = new ArrayList<>(2);
        int start = 0;
        int depth = 0;
        for (int i = 0; i <= path.length(); i++) {
            char ch = i == path.length() ? '/' : path.charAt(i);
            if (ch == '[' || ch == '(' || ch == '【') {
                depth++;
            } else if ((ch == ']' || ch == ')' || ch == '】') && depth > 0) {
                depth--;
            }
            if (i == path.length() || depth == 0 && (ch == '/' || ch == '\\')) {
                String part = path.substring(start, i);
                if (!part.isBlank()) {
                    segments.add(part);
                }
                start = i + 1;
            }
        }
        return segments;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private ParsedName readOne(String segment) {
        WordPattern.Matchers matchers = WordPattern.matchers();
        String name = prepare(segment);
        String format = null;
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 5) {
            String ext = formatAt(name, dot + 1);
            if (ext != null) {
                format = ext;
                name = name.substring(0, dot);
            }
        }
        String group = null;
        name = name.replace('_', ' ');
        if (name.indexOf(' ') < 0) {
            // A match ends the name with letters and digits after its hyphen: it can only start at the last hyphen.
            int dash = name.lastIndexOf('-');
            Matcher scene = dash >= 0 ? SCENE_GROUP.get().matcher(name).region(dash, name.length()) : null;
            if (name.indexOf('.') >= 0 && scene != null && scene.find() && !allDigits(scene.group(1))) {
                group = scene.group(1);
                name = name.substring(0, scene.start());
            }
            name = dotsToSpaces(name);
        }
        if (startsWithBracket(name)) {
            // Tag blocks in front ("[FR][CBZ] Title T04", "[ENG / CBZ] Title v02") are never the group nor the series:
            // they move behind the name, where tags are read. A few at most: each move copies the name.
            StringBuilder moved = null;
            for (int i = 0; i < 4 && startsWithBracket(name); i++) {
                int open = leadingOpen(name), close = leadingClose(name, open);
                int end = close < 0 ? -1 : afterRegexSpaces(name, close + 1);
                if (close < 0 || end >= name.length() || !onlyTags(name.substring(open + 1, close))) {
                    break;
                }
                moved = (moved == null ? new StringBuilder() : moved).append(" [").append(name, open + 1, close).append(']');
                name = name.substring(end);
            }
            if (moved != null) {
                name = name + moved;
            }
        }
        if (startsWithBracket(name)) {
            int open = leadingOpen(name), close = leadingClose(name, open);
            int end = close < 0 ? -1 : afterRegexSpaces(name, close + 1);
            if (close >= 0 && end < name.length()) {
                String content = name.substring(open + 1, close);
                if (!looksLikeTag(content)) {
                    group = content.strip();
                    name = name.substring(end);
                }
            }
        }

        // Split bracketed parts off: they hold tags (years, groups, resolutions), sometimes a volume.
        String[] lowerBrackets = NO_BRACKETS;
        String text = name;
        if (hasBracket(name)) {
            List<String> brackets = new ArrayList<>();
            text = splitBrackets(name, brackets);
            lowerBrackets = new String[brackets.size()];
            for (int i = 0; i < lowerBrackets.length; i++) {
                lowerBrackets[i] = lowerCase(brackets.get(i));
            }
        }
        // Patterns are written in lower case and run on a lower-cased copy of the same length, so positions match.
        String lower = lowerCase(text);
        long lowerChars = matchers.index(lower); // its characters, and where its scans may match: one pass
        // the digits have bits of their own; ½ shares one, and is looked for only when that bit is set
        boolean digits = (lowerChars & Stems.DIGITS) != 0 || (lowerChars & Stems.HALF) != 0 && lower.indexOf('½') >= 0;

        // Tags, and publishers' names (evidence of the language, weighed once the numbers are known)
        String language = null;
        int tagStart = -1;
        String publisherLanguage = null, bracketPublisherLanguage = null;
        int publisherStart = -1;
        for (int start = nextWord(lower, 0); start < lower.length(); start = nextWord(lower, start)) {
            int end = wordEnd(lower, start);
            if (start > 0 && end - start <= LONGEST_TAG) { // a tag word never starts the name: "Vo Tome 2" is a series called Vo
                Word w = WORDS.get(lower, start, end);
                if (w != null && w.tag()) {
                    if (w.language() != null && language == null) {
                        language = w.language();
                    }
                    if (format == null && w.format()) {
                        format = lower.substring(start, end);
                    }
                    if (tagStart < 0) {
                        tagStart = start;
                    }
                } else if (w != null && w.publisher() != null && publisherLanguage == null) {
                    publisherLanguage = publisher(lower, w.publisher(), end);
                    publisherStart = start;
                }
            }
            start = end;
        }
        for (String b : lowerBrackets) {
            for (int start = nextWord(b, 0); start < b.length() && (language == null || format == null); start = nextWord(b, start)) {
                int end = wordEnd(b, start);
                Word w = end - start <= LONGEST_TAG ? WORDS.get(b, start, end) : null;
                if (w != null) {
                    // "fr" and "en" inside a longer bracket are usually words of a title or a site, not a tag: only "[FR]"
                    // or a block of tags ("[FR / CBZ]") counts
                    boolean ambiguous = w.language() != null && end - start == 2 && (b.startsWith("fr", start) || b.startsWith("en", start));
                    if (language == null && w.language() != null && (!ambiguous || b.strip().length() <= 3 || onlyTags(b))) {
                        language = w.language();
                    }
                    if (format == null && w.format()) {
                        format = b.substring(start, end);
                    }
                    if (bracketPublisherLanguage == null && w.publisher() != null) {
                        bracketPublisherLanguage = publisher(b, w.publisher(), end);
                    }
                }
                start = end;
            }
        }
        // The edition may sit in the text or in a bracket; only one in the text ends the series.
        String edition = null;
        int editionStart = -1, editionEnd = -1;
        WordPattern.Scan ed = EDITION_STEMS.inAny(lower, lowerChars) ? EDITIONS.scan(lower, matchers) : null;
        if (ed != null && ed.find()) {
            edition = canonicalEdition(ed.group(1));
            editionStart = ed.start();
            editionEnd = ed.end();
        } else {
            for (String b : lowerBrackets) {
                WordPattern.Scan be = EDITION_STEMS.inAny(b, Stems.charBits(b)) ? EDITIONS.scan(b, matchers) : null;
                if (be != null && be.find()) {
                    edition = canonicalEdition(be.group(1));
                    break;
                }
            }
        }

        // Volumes, then chapters; the main text wins over brackets
        VolumeRange volume = null;
        int volumeStart = -1, volumeEnd = -1;
        WordPattern.Scan v = digits ? VOLUMES.scan(lower, matchers) : null;
        if (v != null && v.find()) {
            volume = range(v, lower, 1, 2);
            volumeStart = v.start();
            volumeEnd = v.end();
        } else {
            boolean cjkMarks = digits && CJK_VOLUME_MARKS.inAny(lower, lowerChars);
            int[] cjk = cjkMarks ? findCjkVolume(lower, firstDigit(lower)) : null;
            Matcher cjkBefore;
            if (cjk != null) {
                volume = cjk[2] >= 0 ? range("1", "-" + lower.substring(cjk[4], cjk[5])) // 全10卷: the whole set
                        : range(lower.substring(cjk[4], cjk[5]), cjk[6] < 0 ? "" : "-" + lower.substring(cjk[6], cjk[7]));
                volumeStart = cjk[0];
                volumeEnd = cjk[1];
            } else if (cjkMarks && (cjkBefore = CJK_VOLUME_BEFORE.get().matcher(lower)).find()) {
                volume = range(cjkBefore.group(1), "");
                volumeStart = cjkBefore.start();
                volumeEnd = cjkBefore.end();
            } else {
                for (String b : lowerBrackets) {
                    WordPattern.Scan bv = hasDigit(b) ? VOLUMES.scan(b, matchers) : null;
                    if (bv != null && bv.find()) {
                        volume = range(bv, b, 1, 2);
                        break;
                    }
                }
            }
        }
        VolumeRange chapter = null;
        int chapterStart = -1;
        WordPattern.Scan c = digits ? CHAPTERS.scan(lower, matchers) : null;
        while (c != null && c.find()) {
            if (volumeStart >= 0 && c.start() >= volumeStart && c.start() < volumeEnd) {
                continue;
            }
            chapter = chapterRange(range(c, lower, 1, 4), c.group(2), c.group(3));
            chapterStart = c.start();
            break;
        }
        if (chapter == null && digits && CJK_CHAPTER_MARKS.inAny(lower, lowerChars)) {
            Matcher cjk = CJK_CHAPTER.get().matcher(lower);
            if (cjk.find()) {
                chapter = range(cjk.group(1), cjk.group(2) == null ? "" : "-" + cjk.group(2));
                chapterStart = cjk.start();
            }
        }
        // A coffret or box of numbered volumes is a pack of those volumes, not another edition.
        if (volume != null && "Coffret".equals(edition)) {
            edition = null;
        }
        int seasonStart = -1, seasonEnd = -1;
        WordPattern.Scan season = digits && maySayASeason(lower) ? SEASONS.scan(lower, matchers) : null;
        if (season != null && season.find() && !isBlank(lower, 0, season.start())) { // like a tag, a season never starts the name
            seasonStart = season.start();
            seasonEnd = season.end();
        }

        boolean special = false;
        int specialStart = -1;
        WordPattern.Scan hs = HORS_SERIE_STEMS.inAny(lower, lowerChars) ? SPECIALS.scan(lower, matchers) : null;
        if (hs != null && hs.find() && (volumeStart < 0 || hs.start() < volumeStart)) {
            special = true;
            specialStart = hs.start();
        }

        int bareStart = -1;
        {
            // With a volume found, only a zero-padded number ("Solanin 028 Vol. 2") is a chapter: "Kaiju No. 8 v01" keeps its 8.
            // A number after an edition is read ("Kanzenban 07"), one inside it is not ("3-in-1", "Édition 20 ans"); nor is a season's.
            int limit = firstPositive(tagStart, volume != null ? volumeStart : -1, chapter != null ? chapterStart : -1,
                    special ? specialStart : -1, text.length());
            WordPattern.Scan bare = digits ? BARE_NUMBERS.scan(lower, matchers) : null;
            int firstStart = -1, paddedStart = -1;
            VolumeRange first = null, padded = null;
            while (bare != null && bare.find(limit)) {
                int n = bare.start(1), nEnd = bare.end(1);
                boolean yearLike = bare.start(2) == bare.end(2) && isYear(lower, n, nEnd);
                boolean atStart = isBlank(text, 0, bare.start());
                boolean inEdition = bare.start() >= editionStart && bare.start() < editionEnd;
                boolean inSeason = bare.start() >= seasonStart && bare.start() < seasonEnd;
                // "Series 03 - Tome 02": a number that " - " separates from the volume word ends the title and stays in it
                boolean titleBeforeVolume = volume != null && onlyDashesBetween(lower, bare.end(), volumeStart);
                if (yearLike || inEdition || inSeason || titleBeforeVolume || atStart && hasLetter(text, bare.end())) {
                    continue;
                }
                VolumeRange r = chapterRange(range(bare, lower, 1, 2), bare.group(3), bare.group(4));
                if (first == null) {
                    first = r;
                    firstStart = bare.start();
                }
                if (nEnd - n > 1 && lower.charAt(n) == '0') {
                    padded = r;
                    paddedStart = bare.start();
                    break;
                }
            }
            if (padded != null) {
                chapter = chapter == null ? padded : chapter; // "Crossing Time - 0074.00 - Chapter 74": the word wins, the number still ends the series
                bareStart = paddedStart;
            } else if (first != null && volume == null && chapter == null) {
                chapter = first;
                bareStart = firstStart;
            }
            if (bareStart > 0 && volume == null) {
                bareStart = numberSignBefore(lower, bareStart); // "Starfall No. 3": the sign goes with the number
            }
        }
        if (chapter == null) {
            for (String b : lowerBrackets) {
                WordPattern.Scan bc = hasDigit(b) ? CHAPTERS.scan(b, matchers) : null;
                if (bc != null && bc.find() && !bc.group().startsWith("#")) {
                    chapter = chapterRange(range(bc, b, 1, 4), bc.group(2), bc.group(3));
                    break;
                }
            }
        }
        if (volume == null && chapter == null) {
            WordPattern.Scan ordinal = digits ? ORDINALS.scan(lower, matchers) : null;
            if (ordinal != null && ordinal.find()) {
                chapter = VolumeRange.of(Double.parseDouble(ordinal.group(1))); // "The 2nd Night"; the series keeps its words
            }
        }

        int cut = firstPositive(volumeStart, chapterStart, bareStart, specialStart, tagStart, editionStart, seasonStart,
                text.indexOf('\u0001'));
        int beforeEnd = cut < 0 ? text.length() : cut;
        String series;
        if (digits && digitAfterSpaces(text)) {
            String before = text.substring(0, beforeEnd);
            Matcher index = LEADING_INDEX.get().matcher(before);
            if (index.find()) {
                if (chapter == null && volume == null) {
                    chapter = range(index.group(1), index.group(2) == null ? "" : "-" + index.group(2));
                }
                before = before.substring(index.end());
            }
            series = cleanSeries(before);
        } else {
            series = cleanSeries(text, beforeEnd); // the usual case: the series read in place
        }
        if (series == null && ONLY_A_NUMBER.get().matcher(text.strip()).matches()) {
            series = text.strip().replace("#", ""); // "52.cbz": the number is all the name has
        }
        if (language == null) {
            // A publisher's name says the language only after the number or in brackets: before it, it may be the title.
            int numberStart = firstPositive(volumeStart, chapterStart, bareStart);
            language = bracketPublisherLanguage != null ? bracketPublisherLanguage
                    : numberStart >= 0 && publisherStart > numberStart ? publisherLanguage : null;
        }
        boolean completeSeries = volume == null && chapter == null && (isComplete(lower) || anyComplete(lowerBrackets));
        return new ParsedName(series, volume, chapter, language, format, edition, group, special, completeSeries);
    }

    private static boolean anyComplete(String[] lowerBrackets) {
        for (String b : lowerBrackets) {
            if (isComplete(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isComplete(String lower) {
        return COMPLETE_STEMS.inAny(lower, Stems.charBits(lower)) && COMPLETES.scan(lower).find();
    }

    /**
     * Lower case, one char for one char, so that a position in the copy is the same position in the original.
     * {@link String#toLowerCase} may change the length ("İ" becomes two chars). The copy also folds what
     * patterns should read alike: Unicode dashes to {@code -}, full-width tildes and wave dashes to {@code ~},
     * full-width digits to ASCII digits.
     */
    static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (lower(ch) != ch) {
                return lowerCaseFrom(s, i);
            }
        }
        return s;
    }

    /**
     * The lower-case copy of {@code s}, whose first character to change is at {@code first}. Built as Latin-1 bytes
     * while every character fits (most names): the string takes them as they are, where a char array would be
     * inflated from the name and compressed back.
     */
    private static String lowerCaseFrom(String s, int first) {
        byte[] latin = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char low = i < first ? ch : lower(ch);
            if (low > 0xFF) {
                char[] out = s.toCharArray();
                for (int j = first; j < out.length; j++) {
                    out[j] = lower(out[j]);
                }
                return new String(out);
            }
            latin[i] = (byte) low;
        }
        return new String(latin, StandardCharsets.ISO_8859_1);
    }

    private static char lower(char ch) {
        return ch < 128 ? (ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch) // ASCII, most characters
                : ch < 0x2010 ? Character.toLowerCase(ch) : fold(ch);
    }

    private static char fold(char ch) {
        if (ch >= '\u2010' && ch <= '\u2015') {
            return '-'; // ‐ ‑ ‒ – — ―
        }
        if (ch == '\uFF5E' || ch == '\u301C') {
            return '~'; // ～ 〜
        }
        if (ch >= '\uFF10' && ch <= '\uFF19') {
            return (char) ('0' + ch - '\uFF10');
        }
        return Character.toLowerCase(ch);
    }

    /**
     * Plain words one of which every match of a pattern contains: a search for them rules most names out before the
     * pattern runs. Each word keeps the set of its characters (as bits, see {@link #charBits}): a word with a
     * character the name lacks is not searched for, so most names need no search at all.
     */
    private static final class Stems {
        private final String[] words;
        private final long[] bits;

        Stems(String... words) {
            this.words = words;
            this.bits = new long[words.length];
            for (int i = 0; i < words.length; i++) {
                bits[i] = charBits(words[i]);
            }
        }

        /** Whether {@code s}, whose {@link #charBits} are {@code sBits}, contains one of the words. */
        boolean inAny(String s, long sBits) {
            for (int i = 0; i < words.length; i++) {
                if ((bits[i] & ~sBits) == 0 && s.contains(words[i])) {
                    return true;
                }
            }
            return false;
        }

        static final long DIGITS = charBits("0123456789"), HALF = charBits("½");

        /** {@link WordPattern#charBits}: a string lacking one of a word's bits cannot contain the word. */
        static long charBits(String s) {
            return WordPattern.charBits(s);
        }
    }

    /**
     * The groups (start and end of each, as a matcher numbers them) of {@code CJK_VOLUME.get().matcher(lower).find()}, or
     * null: trying only where a match can start (a digit or ½, or 全, 第, 제 before one: two characters at most before
     * the first digit), and there first {@link Shortcuts#cjkVolume}. Under C1, find's try at every position cost more
     * than this loop.
     */
    private static int[] findCjkVolume(String lower, int firstDigit) {
        int[] groups = new int[8];
        Matcher cjk = null;
        for (int i = Math.max(0, firstDigit - 2); i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch >= '0' && ch <= '9' || ch == '½' || ch == '全' || ch == '第' || ch == '제') {
                int answer = Shortcuts.cjkVolume(lower, i, groups);
                if (answer == WordPattern.Shortcut.MATCH) {
                    return groups;
                }
                if (answer == WordPattern.Shortcut.NONE) {
                    continue;
                }
                cjk = cjk == null ? CJK_VOLUME.get().matcher(lower) : cjk;
                cjk.region(i, lower.length()); // the pattern looks neither behind nor past the end: the same answer
                if (cjk.lookingAt()) {
                    for (int g = 0; g <= 3; g++) {
                        groups[2 * g] = cjk.start(g);
                        groups[2 * g + 1] = cjk.end(g);
                    }
                    return groups;
                }
            }
        }
        return null;
    }

    /** The opening bracket after the regex spaces starting {@code s}; -1 when there is none. */
    private static int leadingOpen(String s) {
        int i = afterRegexSpaces(s, 0);
        return i < s.length() && (s.charAt(i) == '[' || s.charAt(i) == '(' || s.charAt(i) == '【') ? i : -1;
    }

    /**
     * The first closing bracket ({@code ]}, {@code )}, {@code 】}, whichever) after {@code open}, when 1 to 80 code
     * points lie between them; else -1.
     */
    private static int leadingClose(String s, int open) {
        if (open < 0) {
            return -1;
        }
        int codePoints = 0;
        for (int j = open + 1; j < s.length(); j++) {
            char ch = s.charAt(j);
            if (ch == ']' || ch == ')' || ch == '】') {
                return codePoints >= 1 ? j : -1;
            }
            if (!(Character.isLowSurrogate(ch) && Character.isHighSurrogate(s.charAt(j - 1)) && j - 1 > open)) {
                codePoints++;
            }
            if (codePoints > 80) {
                return -1;
            }
        }
        return -1;
    }

    /** Past the regex spaces ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage return) from {@code from}. */
    private static int afterRegexSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) >= '\t' && s.charAt(i) <= '\r')) {
            i++;
        }
        return i;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String s) {
        return firstDigit(s) >= 0;
    }

    /** Where the first ASCII digit or ½ is; -1 when none. */
    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9' || ch == '½') {
                return i;
            }
        }
        return -1;
    }

    /** Where the next run of letters and digits starts, at or after {@code from}; the length if none. */
    private static int nextWord(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch < 128) { // ASCII, most characters: no code point to decode
                if (isAsciiWordChar(ch)) {
                    break;
                }
                i++;
            } else {
                int cp = s.codePointAt(i);
                if (isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    private static int wordEnd(String s, int start) {
        int i = start;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch < 128) {
                if (!isAsciiWordChar(ch)) {
                    break;
                }
                i++;
            } else {
                int cp = s.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    /** {@link #isWordChar} of an ASCII character: the only ASCII letters are A-Z and a-z. */
    private static boolean isAsciiWordChar(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z';
    }

    /** The regex class {@code [\\p{L}\\d]}: a letter, or an ASCII digit. */
    private static boolean isWordChar(int codePoint) {
        return codePoint >= '0' && codePoint <= '9' || Character.isLetter(codePoint);
    }

    /** Whether {@code s[from, to)} is a year of the 20th or 21st century. */
    private static boolean isYear(String s, int from, int to) {
        return to - from == 4 && (s.startsWith("19", from) || s.startsWith("20", from)) && isAsciiDigit(s.charAt(from + 2))
                && isAsciiDigit(s.charAt(from + 3));
    }

    private static boolean isAsciiDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** A quick test before the SEASON scan: an {@code s} starting a word and followed by a digit, or "season", "saison". */
    private static boolean maySayASeason(String lower) {
        int n = lower.length();
        for (int i = lower.indexOf('s'); i >= 0; i = lower.indexOf('s', i + 1)) {
            if (i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1))) {
                continue;
            }
            char next = i + 1 < n ? lower.charAt(i + 1) : 0;
            char after = i + 2 < n ? lower.charAt(i + 2) : 0;
            if (next >= '0' && next <= '9' || (next == ' ' || next == '.') && after >= '0' && after <= '9' || next == 'e' || next == 'a') {
                return true; // "season" and "saison" are left to the scan
            }
        }
        return false;
    }

    /** Whether {@code s} between the two positions holds a dash and nothing but spaces and dashes. */
    private static boolean onlyDashesBetween(String s, int from, int to) {
        boolean dash = false;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '-') {
                dash = true;
            } else if (!Character.isWhitespace(ch)) {
                return false;
            }
        }
        return dash;
    }

    /** Where a number sign ({@code No.}, {@code Nº}, {@code N°}) in front of the number at {@code at} starts; else {@code at}. */
    private static int numberSignBefore(String lower, int at) {
        int i = at;
        while (i > 0 && lower.charAt(i - 1) == ' ') {
            i--;
        }
        if (i > 0 && lower.charAt(i - 1) == '.') {
            i--;
        }
        if (i >= 2 && lower.charAt(i - 2) == 'n' && "oº°".indexOf(lower.charAt(i - 1)) >= 0
                && (i == 2 || !Character.isLetterOrDigit(lower.charAt(i - 3)))) {
            return i - 2;
        }
        return at;
    }

    /** Whether the first character that is not a regex {@code \\s} is an ASCII digit: LEADING_INDEX can match only then. */
    private static boolean digitAfterSpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\u000B' && ch != '\f' && ch != '\r') {
                return ch >= '0' && ch <= '9';
            }
        }
        return false;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithBracket(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch)) {
                return ch == '[' || ch == '(' || ch == '【';
            }
        }
        return false;
    }

    private static int firstPositive(int... positions) {
        int best = -1;
        for (int p : positions) {
            if (p >= 0 && (best < 0 || p < best)) {
                best = p;
            }
        }
        return best;
    }

    private static String prepare(String raw) {
        String s = raw;
        if (s.indexOf('%') >= 0 && PERCENT.get().matcher(s).find()) {
            try {
                s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // a lone '%' that is not an escape: keep the name as it is
            }
        }
        char highest = 0;
        boolean controls = false;
        boolean stable = true; // every character is one that no normalization changes, whatever its neighbours
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch >= 0x7F) { // printable ASCII, most characters, is neither a control nor high
                controls |= Character.isISOControl(ch);
                highest = ch > highest ? ch : highest;
                stable &= ch < '\u0300' || ch >= '\u4E00' && ch <= '\u9FFF' || ch >= '\uAC00' && ch <= '\uD7A3';
            }
        }
        String out = s;
        if (controls) {
            char[] chars = s.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                chars[i] = Character.isISOControl(chars[i]) ? ' ' : chars[i];
            }
            out = new String(chars);
        }
        // Below U+0300 (the first combining mark) every string is already in NFC: the check is skipped. So it is with
        // CJK ideographs (U+4E00-U+9FFF) and Hangul syllables (U+AC00-U+D7A3) among them: each is its own NFC and
        // composes with nothing of that set (a syllable takes a trailing jamo, U+11A8 and up, which is outside it).
        // "5巻" thus needs no normalizer (whose first use in a JVM loads its data).
        boolean composed = highest < '\u0300' || stable || Normalizer.isNormalized(out, Normalizer.Form.NFC);
        return (composed ? out : Normalizer.normalize(out, Normalizer.Form.NFC)).strip();
    }

    /**
     * The format whose name is {@code name} from {@code from} on, in any case: what {@code FORMATS.contains(ext.toLowerCase(Locale.ROOT))}
     * says, without the two copies. Every format is ASCII without a {@code k}, and the only character outside ASCII
     * whose lower case is ASCII is the Kelvin sign ({@code k}): a name with any other character is no format.
     */
    private static String formatAt(String name, int from) {
        int length = name.length() - from;
        if (length < 1 || length > 4) {
            return null;
        }
        for (String f : FORMATS_BY_NAME) {
            if (f.length() == length && asciiLowerEquals(name, from, f)) {
                return f;
            }
        }
        return null;
    }

    private static boolean asciiLowerEquals(String s, int from, String lowerWord) {
        for (int i = 0; i < lowerWord.length(); i++) {
            char ch = s.charAt(from + i);
            char low = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
            if (low != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Scene names use dots for spaces; a dot between digits is a decimal point and stays. */
    private static String dotsToSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean decimal = ch == '.' && i > 0 && i < s.length() - 1
                    && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
            b.append(ch == '.' && !decimal ? ' ' : ch);
        }
        return b.toString();
    }

    /**
     * Moves bracketed parts to {@code brackets} and returns the text with a cut mark in their place; stray brackets
     * become spaces.
     */
    private static String splitBrackets(String s, List<String> brackets) {
        StringBuilder main = new StringBuilder(s.length());
        // Where each closing bracket last appears: an opener after it has no match, and is not searched for one
        // (searching would make a name full of unclosed brackets quadratic).
        int lastRound = s.lastIndexOf(')'), lastSquare = s.lastIndexOf(']'), lastCurly = s.lastIndexOf('}'), lastLenticular = s.lastIndexOf('】');
        int i = 0;
        int plain = 0; // where the run of characters copied as they are starts: appended whole, not one by one
        while (i < s.length()) {
            char ch = s.charAt(i);
            char close = ch == '(' ? ')' : ch == '[' ? ']' : ch == '{' ? '}' : ch == '【' ? '】' : 0;
            if (close != 0) {
                main.append(s, plain, i);
                int last = close == ')' ? lastRound : close == ']' ? lastSquare : close == '}' ? lastCurly : lastLenticular;
                int end = last > i ? s.indexOf(close, i + 1) : -1;
                if (end > 0) {
                    brackets.add(s.substring(i + 1, end));
                    main.append(" \u0001 ");
                    i = end + 1;
                    plain = i;
                    continue;
                }
                main.append(' ');
                plain = i + 1;
            } else if (ch == ')' || ch == ']' || ch == '}' || ch == '】') {
                main.append(s, plain, i).append(' ');
                plain = i + 1;
            }
            i++;
        }
        return main.append(s, plain, s.length()).toString();
    }

    private static boolean hasBracket(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            // ( ) [ ] { } are 0x28 0x29 0x5B 0x5D 0x7B 0x7D: with the 0x20 bit set, two values; letters and digits fail
            // the first test. A control character passing it (0x08, 0x09) only costs a split that finds nothing.
            char folded = (char) (ch | 0x20);
            if (folded == '(' || folded == ')' || folded == '{' || folded == '}' || ch == '【' || ch == '】') {
                return true;
            }
        }
        return false;
    }

    /** The language of a publisher's name {@code p} whose first word ends at {@code end}: null when its second word is missing. */
    private static String publisher(String lower, String[] p, int end) {
        if (p[1] == null) {
            return p[0];
        }
        int next = nextWord(lower, end);
        return next - end <= 2 && lower.startsWith(p[1], next) && wordEnd(lower, next) == next + p[1].length() ? p[0] : null;
    }

    /** Whether a bracket holds only language, format and quality tags: {@code ENG / CBZ}, {@code FR}. */
    private static boolean onlyTags(String content) {
        String c = lowerCase(content);
        boolean any = false;
        for (int start = nextWord(c, 0); start < c.length(); start = nextWord(c, start)) {
            int end = wordEnd(c, start);
            if (TAG_WORDS.get(c, start, end) == null) {
                return false;
            }
            any = true;
            start = end;
        }
        return any;
    }

    private static boolean looksLikeTag(String content) {
        String c = content.strip().toLowerCase(Locale.ROOT);
        // the plain tests first: a year has four characters, pixels start with a digit; VOLUMES finds what VOLUME does
        return c.length() == 4 && YEAR.get().matcher(c).matches() || VOLUMES.scan(c).find()
                || !c.isEmpty() && c.charAt(0) >= '0' && c.charAt(0) <= '9' && PIXELS.get().matcher(c).matches();
    }

    /** {@link #cleanSeries} of {@code s[0, end)}, with no copy of it when its spaces are single (most names). */
    private static String cleanSeries(String s, int end) {
        return spacedOnce(s, end) ? cleanSpacedOnce(s, end) : cleanSeries(s.substring(0, end));
    }

    private static String cleanSeries(String s) {
        if (spacedOnce(s, s.length())) {
            return cleanSpacedOnce(s, s.length());
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isSpace(ch)) {
                if (b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else {
                b.append(ch);
            }
        }
        String t = b.toString().strip();
        // separators left hanging once the number is cut: "Series - ", "Series,", "Series :"
        int end = t.length();
        if (end > 0 && "-–—:,;~|+&".indexOf(t.charAt(end - 1)) >= 0) {
            while (end > 0 && ("-–—:,;~|+&".indexOf(t.charAt(end - 1)) >= 0 || isSpace(t.charAt(end - 1)))) {
                end--;
            }
        }
        int start = 0;
        if (end > 0 && "-–—:,;~|+".indexOf(t.charAt(0)) >= 0) {
            while (start < end && ("-–—:,;~|+".indexOf(t.charAt(start)) >= 0 || isSpace(t.charAt(start)))) {
                start++;
            }
        }
        t = t.substring(start, end).strip();
        return t.isEmpty() ? null : t;
    }

    /** Whether every run of {@link #isSpace} characters in {@code s} is one plain space: collapsing them changes nothing. */
    private static boolean spacedOnce(String s, int end) {
        char previous = 'x';
        for (int i = 0; i < end; i++) {
            char ch = s.charAt(i);
            if (isSpace(ch) && (ch != ' ' || previous == ' ')) {
                return false;
            }
            previous = ch;
        }
        return true;
    }

    /**
     * {@link #cleanSeries} of a string that collapsing leaves as it is: the same strips and trims, on positions, with
     * one copy at most.
     */
    private static String cleanSpacedOnce(String s, int length) {
        int start = 0, end = length;
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (end > start && isTrailingSeparator(s.charAt(end - 1))) {
            while (end > start && (isTrailingSeparator(s.charAt(end - 1)) || isSpace(s.charAt(end - 1)))) {
                end--;
            }
        }
        if (end > start && isLeadingSeparator(s.charAt(start))) {
            while (start < end && (isLeadingSeparator(s.charAt(start)) || isSpace(s.charAt(start)))) {
                start++;
            }
        }
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : s.substring(start, end);
    }

    /** One of {@code -–—:,;~|+&}: left hanging at the end of a series once its number is cut. */
    private static boolean isTrailingSeparator(char ch) {
        return ch == '&' || isLeadingSeparator(ch);
    }

    /** One of {@code -–—:,;~|+} (a switch: under C1, a search in a constant string was a call per character). */
    private static boolean isLeadingSeparator(char ch) {
        switch (ch) {
            case '-', '–', '—', ':', ',', ';', '~', '|', '+':
                return true;
            default:
                return false;
        }
    }

    /** The regex class {@code \\s}, plus the cut mark left by a bracket. */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r' || ch == '\u0001';
    }

    /**
     * The edition's usual name, from the lower-case words that matched (one space at most between them: control
     * characters were made spaces before).
     */
    private static String canonicalEdition(String f) {
        if (f.startsWith("perfect")) {
            return "Perfect Edition";
        }
        if (f.contains("originale")) {
            return "Édition originale";
        }
        if (f.contains("deluxe") || f.contains("de luxe")) {
            return "Deluxe";
        }
        if (f.startsWith("box")) {
            return "Coffret";
        }
        if (f.contains("double")) {
            return "Double";
        }
        if (f.endsWith("ans")) {
            return "Édition " + f.replaceAll("\\D", "") + " ans";
        }
        if (f.startsWith("full")) {
            return "Full Color";
        }
        if (f.startsWith("int")) {
            return "Intégrale";
        }
        if (f.startsWith("coffret")) {
            return "Coffret";
        }
        if (f.startsWith("collector")) {
            return "Collector";
        }
        if (f.contains("in 1") || f.contains("in-1") || f.contains("in1")) {
            return f.charAt(0) + "-in-1";
        }
        StringBuilder b = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            boolean wordStart = i == 0 || f.charAt(i - 1) == ' ';
            b.append(wordStart ? Character.toUpperCase(ch) : ch);
        }
        return b.toString();
    }

    /** {@code "01"} and {@code "-02-03"} give [1, 3]; reversed ranges ("12-3") keep only the first number. */
    private static double number(String n) {
        // NUM's numbers are ASCII digits (five at most), with a decimal part or not: a whole one is read here, the
        // same double as parseDouble's, without its buffers
        int whole = 0;
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (ch < '0' || ch > '9' || i >= 9) {
                return n.equals("½") ? 0.5 : Double.parseDouble(n);
            }
            whole = whole * 10 + (ch - '0');
        }
        return n.isEmpty() ? Double.parseDouble(n) : whole;
    }

    private static VolumeRange range(String first, String rest) {
        return range(number(first), rest);
    }

    private static VolumeRange range(double from, String rest) {
        double to = from;
        if (rest != null && !rest.isEmpty()) {
            Matcher m = NUMBER_IN_RANGE.get().matcher(rest);
            while (m.find()) {
                double n = number(m.group());
                if (n >= to) {
                    to = n;
                }
            }
        }
        return VolumeRange.of(from, to);
    }

    /**
     * {@link #range} of a scan's groups, read in place: the number of group {@code first}, and the numbers of group
     * {@code rest} (copied only when it has any).
     */
    private static VolumeRange range(WordPattern.Scan m, String s, int first, int rest) {
        int restStart = m.start(rest), restEnd = m.end(rest);
        return range(numberAt(s, m.start(first), m.end(first)), restStart < restEnd ? s.substring(restStart, restEnd) : null);
    }

    /** {@link #number} of {@code s[from, to)}. */
    private static double numberAt(String s, int from, int to) {
        // NUM's numbers are ASCII digits (five at most), with a decimal part or not: a whole one is read in place
        int whole = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9' || i - from >= 9) {
                return number(s.substring(from, to));
            }
            whole = whole * 10 + (ch - '0');
        }
        return to > from ? whole : number(s.substring(from, to));
    }

    /** Like {@link #range}, plus a letter suffix ({@code 4a} = 4.1, {@code 4b} = 4.2). */
    private static VolumeRange chapterRange(VolumeRange r, String letter, String word) {
        if (!r.isSingle() || r.from() != Math.rint(r.from())) {
            return r;
        }
        if (letter != null) {
            return VolumeRange.of(r.from() + (Character.toLowerCase(letter.charAt(0)) - 'a' + 1) / 10.0);
        }
        if (word != null) {
            String w = word.toLowerCase(Locale.ROOT);
            return VolumeRange.of(r.from() + (w.equals("extra") ? 0.99 : w.equals("omake") ? 0.98 : 0.97));
        }
        return r;
    }
}
