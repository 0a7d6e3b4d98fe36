package io.kanzen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import io.kanzen.core.internal.library.SeriesFolderReading;
import io.kanzen.core.internal.parse.FileNameParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A differential oracle for the name parser: writes every field of what {@link FileNameParser#parse} and
 * {@link SeriesFolderReading#read} answer for a large, fixed set of names, one line per input. Run it on two builds
 * and {@code cmp} the outputs: a speed change of the parser must leave them identical, byte for byte.
 *
 * <p>The names: the inputs of the peer suites ({@code /work/shared/corpus/*.tsv}), the string literals of the
 * project's parser tests, release titles of the fixtures (Prowlarr titles, forum and Nautiljon link texts), the
 * 100,000 names of {@link GeneratedLibrary} (seed 42, read in their folder and bare), and seeded random mutants of
 * all of these (digits, separators, brackets, case, accents, CJK and Cyrillic counters, tags, truncation...), so
 * that paths no suite reaches are compared too.
 *
 * <pre>
 * java -cp bench/target/kanzen-bench.jar io.kanzen.bench.ParserOracle /tmp/oracle.txt
 *     [--repo .] [--corpus /work/shared/corpus] [--fixtures /work/shared/fixtures] [--mutants 300000] [--seed 16]
 * # the same on a reference build: put its core jar first, e.g. -cp /tmp/base/kanzen-core.jar:bench/target/kanzen-bench.jar
 * cmp /tmp/oracle.txt /tmp/oracle-ref.txt
 * </pre>
 */
public final class ParserOracle {
    private static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern ANCHOR_TEXT = Pattern.compile("<a\\b[^>]*>([^<]{2,300})</a>");
    private static final Pattern XML_TITLE = Pattern.compile("<title>([^<]{2,300})</title>");

    /** Words and marks a mutant may gain: the parser's own vocabulary, so that its rarer paths are reached. */
    private static final String[] TOKENS = {
        "Tome", "Tomes", "T", "t", "Vol.", "vol", "Volume", "v", "V", "c", "C", "Ch.", "ch", "Chapitre", "Chapter", "#", "No.", "Nº", "N°",
        "HS", "Hors-série", "One-shot", "omake", "extra", "special", "sp", "Artbook", "Intégrale", "Integrale", "complete", "Complete",
        "batch", "Perfect Edition", "Édition originale", "Deluxe", "Coffret", "Box", "box set", "Double", "Big", "3-in-1", "2 in 1",
        "Kanzenban", "Omnibus", "Full Color", "Édition 20 ans", "Collector's Edition", "Master Edition", "VF", "FRENCH", "fr", "en",
        "ENG", "VOSTFR", "raw", "multi", "CBZ", "cbz", "pdf", "epub", "Digital", "HQ", "Kana", "Glénat", "Ki-oon", "Ki oon", "Yen Press",
        "Seven Seas", "Dark Horse", "J-Novel", "Viz", "Doki Doki", "à", " à ", "a", "au", "to", "bis", "&", "et", "and", ",", "-", " - ",
        "~", "～", "–", "—", "½", ".", "_", " ", "S2", "S01", "Season 1", "Saison 2", "1st", "2nd", "3rd", "4th", "Band", "Bände", "Tomo",
        "Capítulo", "Kapitel", "Rozdział", "том", "Том", "ТОМ", "глава", "เล่ม", "第", "巻", "卷", "册", "冊", "集", "권", "제", "全",
        "話", "话", "화", "回", "Light Novel", "LN", "Book", "Disc", "Episode", "Ep", "Issue", "c2c", "1080p", "(2019)", "[FR]", "[ENG / CBZ]",
        "(Digital)", "[Team]", "-GRP", ".cbz", ".cbr", ".zip", ".jpg", "/", "\\", "%20", "%2B", "%", "+", ":", ";", "|", "'", "’", "İ",
        "\u0301", "\u0001", "\t", "１２", "\uD83D\uDE00", "【FR】", "{x}", "(", ")", "[", "]", "【", "】"
    };
    private static final String SEPARATORS = ". _-";

    private ParserOracle() {}

    public static void main(String[] args) throws IOException {
        Path out = null, repo = Path.of("."), corpus = Path.of("/work/shared/corpus"), fixtures = Path.of("/work/shared/fixtures");
        int mutants = 300_000;
        long seed = 16;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--fixtures" -> fixtures = Path.of(args[++i]);
                case "--mutants" -> mutants = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        if (out == null) {
            System.err.println("usage: ParserOracle OUT [--repo DIR] [--corpus DIR] [--fixtures DIR] [--mutants N] [--seed S]");
            System.exit(2);
        }
        Set<String> names = new LinkedHashSet<>();
        int corpusNames = corpusInputs(corpus, names);
        int testNames = testLiterals(repo.resolve("core/src/test/java/io/kanzen/core"), names);
        int fixtureNames = fixtureTitles(fixtures, names);
        List<String[]> generated = GeneratedLibrary.names(5000, 20, 42);

        FileNameParser parser = new FileNameParser();
        SeriesFolderReading reading = new SeriesFolderReading(parser);
        Random random = new Random(seed);
        long lines = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> bases = new ArrayList<>(names);
            for (String name : bases) {
                lines += write(w, parser, reading, name, firstWords(name, 1 + random.nextInt(3)));
            }
            for (String[] g : generated) {
                lines += write(w, parser, reading, g[1], g[0]);
            }
            for (int i = 0; i < mutants; i++) {
                // half from the small hand-made sets (where the rare forms are), half from the generated library
                boolean fromGenerated = random.nextBoolean();
                String[] g = fromGenerated ? generated.get(random.nextInt(generated.size())) : null;
                String base = g != null ? g[1] : bases.get(random.nextInt(bases.size()));
                String mutant = mutate(base, random);
                String folder = g != null ? (random.nextInt(4) == 0 ? mutate(g[0], random) : g[0])
                        : random.nextInt(5) == 0 ? null : firstWords(mutant, 1 + random.nextInt(3));
                lines += write(w, parser, reading, mutant, folder);
            }
        }
        System.out.printf("%d lines: %d corpus inputs, %d test literals, %d fixture titles (%d distinct), %d generated, %d mutants -> %s%n",
                lines, corpusNames, testNames, fixtureNames, names.size(), generated.size(), mutants, out);
    }

    /** Two lines: the name read bare, and read in a series folder as a scan reads it. */
    private static int write(Writer w, FileNameParser parser, SeriesFolderReading reading, String name, String folder) throws IOException {
        StringBuilder b = new StringBuilder(256);
        b.append("P\t").append(escape(name)).append('\t');
        fields(b, parser.parse(name));
        b.append('\t').append(FileNameParser.namesAChapter(name)).append('\n');
        b.append("R\t").append(folder == null ? "<none>" : escape(folder)).append('\t');
        fields(b, reading.read(name, folder, false));
        b.append('\n');
        w.write(b.toString());
        return 2;
    }

    private static void fields(StringBuilder b, ParsedName p) {
        b.append(p.series() == null ? "-" : escape(p.series())).append('|');
        range(b, p.volume());
        b.append('|');
        range(b, p.chapter());
        b.append('|').append(p.language()).append('|').append(p.format()).append('|').append(p.edition()).append('|')
                .append(p.group() == null ? "-" : escape(p.group())).append('|').append(p.special()).append('|').append(p.completeSeries());
    }

    private static void range(StringBuilder b, VolumeRange r) {
        if (r == null) {
            b.append('-');
        } else {
            // Double.toString gives back the exact double: 4.1 and 4.1000000000000005 differ here
            b.append(Double.toString(r.from())).append(':').append(Double.toString(r.to()));
        }
    }

    /** Printable on one line, lone surrogates and control characters as {@code \\uXXXX}. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(ch).append(s.charAt(++i));
            } else if (ch == '\\' || ch == '|' || ch < 0x20 || Character.isSurrogate(ch) || ch == 0x7f) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The first {@code n} runs of letters and digits of a name, joined by spaces: a folder a collector might have made. */
    private static String firstWords(String name, int n) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        int i = 0;
        while (i < name.length() && words < n) {
            while (i < name.length() && !Character.isLetterOrDigit(name.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < name.length() && Character.isLetterOrDigit(name.charAt(i))) {
                i++;
            }
            if (i > start) {
                b.append(b.length() > 0 ? " " : "").append(name, start, i);
                words++;
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    static String mutate(String name, Random random) {
        String s = name;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            s = mutateOnce(s, random);
        }
        return s;
    }

    private static String mutateOnce(String s, Random r) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        switch (r.nextInt(16)) {
            case 0, 1 -> { // a digit changed, added or removed
                List<Integer> digits = new ArrayList<>();
                for (int i = 0; i < s.length(); i++) {
                    if (Character.isDigit(s.charAt(i))) {
                        digits.add(i);
                    }
                }
                if (digits.isEmpty()) {
                    return s.substring(0, at) + r.nextInt(100) + s.substring(at);
                }
                int d = digits.get(r.nextInt(digits.size()));
                return switch (r.nextInt(3)) {
                    case 0 -> s.substring(0, d) + (char) ('0' + r.nextInt(10)) + s.substring(d + 1);
                    case 1 -> s.substring(0, d) + (char) ('0' + r.nextInt(10)) + s.substring(d);
                    default -> s.substring(0, d) + s.substring(d + 1);
                };
            }
            case 2, 3 -> { // separators swapped: all of one kind, or one
                char from = SEPARATORS.charAt(r.nextInt(4)), to = SEPARATORS.charAt(r.nextInt(4));
                if (r.nextBoolean()) {
                    return s.replace(from, to);
                }
                int i = s.indexOf(from);
                return i < 0 ? s : s.substring(0, i) + to + s.substring(i + 1);
            }
            case 4 -> { // brackets around a part
                int end = at + r.nextInt(Math.max(1, s.length() - at + 1));
                String[] pair = r.nextInt(3) == 0 ? new String[] {"(", ")"} : r.nextBoolean() ? new String[] {"[", "]"} : new String[] {"【", "】"};
                return s.substring(0, at) + pair[0] + s.substring(at, Math.min(end, s.length())) + pair[1] + s.substring(Math.min(end, s.length()));
            }
            case 5 -> { // case
                return switch (r.nextInt(3)) {
                    case 0 -> s.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> s.toLowerCase(java.util.Locale.ROOT);
                    default -> at < s.length() ? s.substring(0, at) + Character.toUpperCase(s.charAt(at)) + s.substring(at + 1) : s;
                };
            }
            case 6 -> { // accents, composed or not
                String from = "eaouicEAOUIC", to = "éàôüîçÉÀÔÜÎÇ";
                for (int i = at; i < s.length(); i++) {
                    int k = from.indexOf(s.charAt(i));
                    if (k >= 0) {
                        return s.substring(0, i) + (r.nextBoolean() ? to.charAt(k) + "" : s.charAt(i) + "\u0301") + s.substring(i + 1);
                    }
                }
                return s;
            }
            case 7 -> { // truncated
                return s.substring(0, at);
            }
            case 8 -> { // percent-encoded spaces, as ed2k names are
                return s.replace(" ", "%20");
            }
            case 9 -> { // a run of characters removed
                int end = Math.min(s.length(), at + 1 + r.nextInt(6));
                return at < s.length() ? s.substring(0, at) + s.substring(end) : s;
            }
            case 10 -> { // a number with a word before it
                return s.substring(0, at) + " " + TOKENS[r.nextInt(TOKENS.length)] + (r.nextBoolean() ? " " : "") + r.nextInt(120) + " " + s.substring(at);
            }
            case 11 -> { // a range
                int a = r.nextInt(30);
                String sep = new String[] {"-", " - ", " à ", "~", " to ", "&", ",", " et ", "–"}[r.nextInt(9)];
                return s.substring(0, at) + " " + a + sep + (a + r.nextInt(12)) + s.substring(at);
            }
            default -> { // a token from the parser's vocabulary, glued or spaced
                String t = TOKENS[r.nextInt(TOKENS.length)];
                String gap = r.nextInt(3) == 0 ? "" : " ";
                return s.substring(0, at) + gap + t + gap + s.substring(at);
            }
        }
    }

    private static int corpusInputs(Path corpus, Set<String> names) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path tsv : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    int tab = line.indexOf('\t');
                    names.add(unescapeCell(tab < 0 ? line : line.substring(0, tab)));
                    n++;
                }
            }
        }
        return n;
    }

    private static String unescapeCell(String cell) {
        StringBuilder b = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                b.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** String literals of the parser's and the library's tests: most are names the tests read. */
    private static int testLiterals(Path tests, Set<String> names) throws IOException {
        int n = 0;
        List<Path> sources = new ArrayList<>();
        for (String folder : new String[] {"internal/parse", "internal/library"}) {
            Path dir = tests.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        for (Path source : sources) {
            Matcher m = JAVA_STRING.matcher(Files.readString(source));
            while (m.find()) {
                names.add(unescapeJava(m.group(1)));
                n++;
            }
        }
        return n;
    }

    private static String unescapeJava(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                b.append(ch);
                continue;
            }
            char next = s.charAt(++i);
            if (next == 'u' && i + 4 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                b.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next == 'f' ? '\f' : next == 'b' ? '\b' : next);
            }
        }
        return b.toString();
    }

    /** Prowlarr's titles (JSON and Torznab), and the link texts of the forum and Nautiljon pages. */
    private static int fixtureTitles(Path fixtures, Set<String> names) throws IOException {
        if (!Files.isDirectory(fixtures)) {
            return 0;
        }
        int n = 0;
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> all = Files.walk(fixtures)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String file = f.getFileName().toString();
            if (file.endsWith(".json")) {
                try {
                    List<JsonNode> titles = json.readTree(f.toFile()).findValues("title");
                    for (JsonNode t : titles) {
                        if (t.isTextual()) {
                            names.add(t.asText());
                            n++;
                        }
                    }
                } catch (IOException notJson) {
                    // a fixture that is not JSON despite its name: nothing to read
                }
            } else if (file.endsWith(".xml") || file.endsWith(".html")) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = (file.endsWith(".xml") ? XML_TITLE : ANCHOR_TEXT).matcher(text);
                while (m.find()) {
                    String title = entities(m.group(1)).strip();
                    if (!title.isEmpty()) {
                        names.add(title);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static String entities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        Matcher m = Pattern.compile("&(#\\d{1,6}|#x[0-9a-fA-F]{1,5}|amp|lt|gt|quot|apos|nbsp);").matcher(s);
        int last = 0;
        while (m.find()) {
            b.append(s, last, m.start());
            String e = m.group(1);
            b.append(switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            });
            last = m.end();
        }
        return b.append(s, last, s.length()).toString();
    }
}
