package io.kanzen.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The parser's scans skip positions where a pattern cannot start. Skipping must never lose a match: on names
 * built from every volume and chapter word, a scan finds exactly what {@link Matcher#find()} finds.
 */
class WordPatternTest {
    private static final String[] PIECES = {
        "tome", "tomes", "t", "t.", "vol", "vol.", "vols", "volume", "volumes", "vl", "v", "v.", "book", "books", "light novel",
        "lightnovel", "light book", "novel", "ln", "disc", "band", "bd", "том", "тома", "tomo", "第", "巻", "권", "chapter", "chapitre",
        "chap", "ch.", "chs", "chp", "c", "episode", "ep", "issue", "n°", "n", "#", "hs", "hors série", "one-shot", "omake",
        "extra", "special", "sp", "perfect edition", "édition originale", "deluxe", "intégrale", "coffret", "3-in-1",
        "full color", "complete", "batch", "all volumes", "1st", "2nd", "12", "05", "7.5", "½", "2016", " ", " ", " ", "-", " à ",
        " - ", ".", "_", "x", "naruto", "attaque", "titans", "a", "(", ")", "'", ":", "bände", "baende", "volumen", "tom",
        "เล่ม", "integrale", "capítulo", "capitolo", "kapitel", "rozdział", "глава", "nº", "s", "season", "saison", "box", "box set",
        "double", "big", "black edition", "édition 20 ans", "artbook", "guide book", "1-10", "話", "册", "集", "bis", "–", "～"};

    @Test
    void every_scan_finds_what_its_pattern_finds_alone() {
        Random random = new Random(42);
        List<WordPattern> patterns = List.of(FileNameParser.VOLUMES, FileNameParser.CHAPTERS, FileNameParser.BARE_NUMBERS,
                FileNameParser.ORDINALS, FileNameParser.SPECIALS, FileNameParser.EDITIONS, FileNameParser.COMPLETES, FileNameParser.SEASONS);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                name.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String lower = FileNameParser.lowerCase(name.toString());
            for (WordPattern p : patterns) {
                assertThat(scanned(p, lower)).as("%s in \"%s\"", p.pattern(), lower).isEqualTo(found(p, lower));
            }
            // the same, trying only the positions the name's index keeps (as readOne's scans do)
            WordPattern.Matchers matchers = WordPattern.matchers();
            matchers.index(lower);
            for (WordPattern p : patterns) {
                assertThat(scanned(p.scan(lower, matchers))).as("indexed %s in \"%s\"", p.pattern(), lower).isEqualTo(found(p, lower));
            }
        }
    }

    @Test
    void a_name_without_any_candidate_yields_nothing() {
        assertThat(FileNameParser.VOLUMES.scan("naruto attaque").find()).isFalse();
    }

    @Test
    void a_scan_used_after_a_later_scan_of_the_same_pattern_throws_instead_of_reading_the_later_ones_groups() {
        WordPattern.Scan first = FileNameParser.CHAPTERS.scan("naruto ch. 12");
        assertThat(first.find()).isTrue();
        WordPattern.Scan second = FileNameParser.CHAPTERS.scan("bleach ch. 7");
        assertThat(second.find()).isTrue();
        assertThat(second.group(1)).isEqualTo("7");
        assertThatThrownBy(() -> first.group(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void each_thread_scans_with_its_own_matcher() throws InterruptedException {
        WordPattern.Scan mine = FileNameParser.CHAPTERS.scan("naruto ch. 12");
        assertThat(mine.find()).isTrue();
        Thread other = new Thread(() -> FileNameParser.CHAPTERS.scan("bleach ch. 7").find());
        other.start();
        other.join();
        assertThat(mine.group(1)).isEqualTo("12");
    }

    private static List<String> scanned(WordPattern p, String text) {
        return scanned(p.scan(text));
    }

    private static List<String> scanned(WordPattern.Scan scan) {
        List<String> out = new ArrayList<>();
        while (scan.find()) {
            out.add(scan.start() + ":" + scan.end());
        }
        return out;
    }

    private static List<String> found(WordPattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.pattern().matcher(text);
        while (m.find()) {
            out.add(m.start() + ":" + m.end());
        }
        return out;
    }
}
