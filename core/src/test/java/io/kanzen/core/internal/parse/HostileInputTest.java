package io.kanzen.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile names: the parser never throws and answers only sane ranges. Its speed is measured in
 * bench/ (ParserBenchmark), not here; input longer than the cap is cut, which bounds the work per name.
 */
class HostileInputTest {
    private static final String ALPHABET = "aTv.0123456789 -_()[]{}#%½巻권第à~,&:;'\"\\/\u0000\u0007\n\r\t\u200b";
    private final FileNameParser parser = new FileNameParser();

    @RepeatedTest(20)
    void random_strings_never_make_the_parser_throw(RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(300);
            for (int j = 0; j < length; j++) {
                b.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(b.toString());
        }
    }

    @Test
    void hostile_shapes_are_read_without_failing() {
        List<String> names = new ArrayList<>(List.of(
                "", " ", "\u0000\u0000", ".cbz", "((((((((((((((((((((", "]]]]]][[[[[[", "[" .repeat(5000), "T".repeat(10_000),
                "Vol. 99999999999999999999999999", "T" + "9".repeat(400), "v1-" + "2-".repeat(3000) + "3",
                "%", "%zz%", "%E9%", "Tome " + "1 à ".repeat(2000) + "2", "#".repeat(10_000), "v.v.v.v.v.v.v.v.v.",
                "a".repeat(10_000) + " T01.cbz", "\t\n\r", "Ch.-1", "Vol. 5-2", "T½", "第" + "9".repeat(100) + "巻"));
        for (String name : names) {
            check(name);
        }
    }

    @Test
    void a_10_kb_name_is_cut_at_the_cap_and_still_read() {
        // Names past the cap are cut, so the work on any longer name is bounded by the work on the cap.
        String unit = "One Piece T01 (2020) [Team] ";
        String longName = unit.repeat(10_000 / unit.length());
        assertThat(longName.length()).isGreaterThan(FileNameParser.MAX_LENGTH);
        ParsedName n = parser.parseStrict(longName);
        assertThat(n.volume()).isEqualTo(VolumeRange.of(1));
        assertThat(n.series()).isEqualTo("One Piece");
    }

    private void check(String name) {
        ParsedName n = parser.parseStrict(name); // no safety net: an exception fails the test
        assertThat(n).isNotNull();
        for (VolumeRange r : new VolumeRange[] {n.volume(), n.chapter()}) {
            if (r != null) {
                assertThat(r.from()).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(r.to()).isGreaterThanOrEqualTo(r.from());
            }
        }
        if (n.series() != null) {
            assertThat(n.series()).isNotBlank().doesNotContain("\u0001");
        }
    }
}
