package io.kanzen.core.internal.parse;

import static io.kanzen.core.internal.parse.ParsedNames.reads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every dash of Unicode and the tildes join a range, the way the ASCII hyphen does; the title keeps its own. */
class RangesAndSeparatorsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"‐", "‑", "‒", "–", "—", "―", "-", "~", "～", "〜"})
    void any_dash_or_tilde_joins_a_volume_range(String dash) {
        reads("Lune Rouge Vol 2" + dash + "5", "Lune Rouge", "2-5", "-");
        reads("Lune Rouge T02 " + dash + " T05", "Lune Rouge", "2-5", "-");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"–", "—"})
    void a_long_dash_in_the_title_stays_in_the_title(String dash) {
        reads("Lune Rouge " + dash + " Le Retour Tome 3", "Lune Rouge " + dash + " Le Retour", "3", "-");
    }
}
