package io.kanzen.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A shortcut answers for its pattern only when the pattern would match there exactly so: on names built from the
 * pieces that make the patterns hesitate (ranges, suffixes, decimals, counters, signs), every answer it gives is
 * the matcher's, group by group.
 */
class ShortcutsTest {
    private static final String[] PIECES = {
        "tome", "tomes", "t", "t.", "vol", "vol.", "vols", "volume", "volumes", "v", "v.", "tomo", "tom", "volumen", "vl", "book",
        "1", "05", "12", "123456", "7.5", "7.25", "7.1234", "½", "2016", "0", " ", " ", " ", "  ", "   ", "    ", "\t", "-", " - ", "~",
        " à ", "a", "au", "to", "bis", "&", "et", "and", ",", ".", ":", "'", "’", "#", "x", "c", "n", "e", "extra", "omake", "special",
        "vol", "巻", "권", "集", "a", "b", "f", "é", "\u0301", "\u0001", ")", "第", "\uD840\uDC00", "naruto", "piece", "-grp",
        "one", "shot", "one-shot", "hs", "hors", "hors série", "sp", "spy", "art", "book", "guide", "fan", "data", "family", "dragon",
        "卷", "册", "冊", "全", "제", "том", "т", "3巻", "12 巻", "1-3巻", "1~3", "2.5巻", " 5권"};

    @Test
    void every_answer_of_a_shortcut_is_the_patterns_own() {
        Random random = new Random(7);
        int volumes = 0, bares = 0, specials = 0, cjk = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(7); n > 0; n--) {
                name.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String lower = FileNameParser.lowerCase(name.toString());
            volumes += compare(Shortcuts::volume, FileNameParser.VOLUMES.pattern(), lower, false);
            bares += compare(Shortcuts::bareNumber, FileNameParser.BARE_NUMBERS.pattern(), lower, false);
            specials += compare(Shortcuts::special, FileNameParser.SPECIALS.pattern(), lower, false);
            cjk += compare(Shortcuts::cjkVolume, FileNameParser.CJK_VOLUME.get(), lower, true);
        }
        assertThat(volumes).as("volume shortcuts taken").isGreaterThan(500);
        assertThat(bares).as("bare number shortcuts taken").isGreaterThan(500);
        assertThat(specials).as("specials ruled out").isGreaterThan(500);
        assertThat(cjk).as("CJK volumes read or ruled out").isGreaterThan(500);
    }

    @Test
    void the_commonest_names_are_read_by_the_shortcuts() {
        int[] groups = new int[6];
        assertThat(Shortcuts.volume("one piece 12 - tome 05", 15, groups)).isEqualTo(WordPattern.Shortcut.MATCH);
        assertThat(groups).containsExactly(15, 22, 20, 22, 22, 22);
        assertThat(Shortcuts.volume("berserk t05", 8, groups)).isEqualTo(WordPattern.Shortcut.MATCH);
        assertThat(Shortcuts.volume("berserk vol. 3  \u0001 ", 8, groups)).isEqualTo(WordPattern.Shortcut.MATCH);
        assertThat(Shortcuts.volume("berserk tome 3-5", 8, groups)).as("a range is the pattern's").isEqualTo(WordPattern.Shortcut.UNKNOWN);
        int[] bare = new int[10];
        assertThat(Shortcuts.bareNumber("one piece 12 - tome 05", 10, bare)).isEqualTo(WordPattern.Shortcut.MATCH);
        assertThat(bare).containsExactly(10, 12, 10, 12, 12, 12, -1, -1, -1, -1);
        assertThat(Shortcuts.bareNumber("bleach 01-03", 7, bare)).as("a range is the pattern's").isEqualTo(WordPattern.Shortcut.UNKNOWN);
        assertThat(Shortcuts.special("one piece 12 - tome 05", 0, bare)).isEqualTo(WordPattern.Shortcut.NONE);
        assertThat(Shortcuts.special("one-shot", 0, bare)).isEqualTo(WordPattern.Shortcut.UNKNOWN);
        int[] cjk = new int[8];
        assertThat(Shortcuts.cjkVolume("one piece 3 5巻", 10, cjk)).as("the series' number").isEqualTo(WordPattern.Shortcut.NONE);
        assertThat(Shortcuts.cjkVolume("one piece 3 5巻", 12, cjk)).isEqualTo(WordPattern.Shortcut.MATCH);
        assertThat(cjk).containsExactly(12, 14, -1, -1, 12, 13, -1, -1);
    }

    /**
     * At each position a match may start (no letter nor digit before it), the shortcut's "match" must be the matcher's,
     * group by group, and its "none" the matcher's failure. Returns how many answers were not "unknown".
     */
    private static int compare(WordPattern.Shortcut shortcut, Pattern pattern, String text, boolean anywhere) {
        int taken = 0;
        Matcher m = pattern.matcher(text).useTransparentBounds(true);
        int[] groups = new int[2 * (m.groupCount() + 1)];
        for (int i = 0; i < text.length(); i++) {
            if (i > 0 && !anywhere) {
                int before = text.codePointBefore(i);
                if (Character.isLetter(before) || before >= '0' && before <= '9') {
                    continue;
                }
            }
            if (anywhere && !(text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
                continue; // where findCjkVolume asks
            }
            Arrays.fill(groups, -2);
            int answer = shortcut.matchAt(text, i, groups);
            if (answer == WordPattern.Shortcut.UNKNOWN) {
                continue;
            }
            taken++;
            m.region(i, text.length());
            if (answer == WordPattern.Shortcut.NONE) {
                assertThat(m.lookingAt()).as("%s at %d of \"%s\"", pattern, i, text).isFalse();
                continue;
            }
            assertThat(m.lookingAt()).as("%s at %d of \"%s\"", pattern, i, text).isTrue();
            int[] expected = new int[groups.length];
            for (int g = 0; g <= m.groupCount(); g++) {
                expected[2 * g] = m.start(g);
                expected[2 * g + 1] = m.end(g);
            }
            assertThat(groups).as("groups at %d of \"%s\"", i, text).containsExactly(expected);
        }
        return taken;
    }
}
