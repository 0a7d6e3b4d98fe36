package io.kanzen.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A word table answers for a range of a longer string what a map answers for that range's copy. */
class WordTableTest {
    private final WordTable<String> table = new WordTable<>(Map.of("vf", "fr", "french", "fr", "eng", "en", "tome", "volume"));

    @Test
    void a_word_is_found_by_its_range_in_a_longer_name() {
        assertThat(table.get("naruto tome 5 french", 7, 11)).isEqualTo("volume");
        assertThat(table.get("naruto tome 5 french", 14, 20)).isEqualTo("fr");
    }

    @Test
    void a_range_longer_shorter_or_shifted_is_not_the_word() {
        String name = "naruto tomes 5 vff";
        assertThat(table.get(name, 7, 12)).isNull(); // "tomes"
        assertThat(table.get(name, 7, 10)).isNull(); // "tom"
        assertThat(table.get(name, 8, 12)).isNull(); // "omes"
        assertThat(table.get(name, 15, 18)).isNull(); // "vff"
        assertThat(table.get(name, 15, 17)).isEqualTo("fr"); // "vf"
        assertThat(table.get(name, 0, 0)).isNull();
    }

    @Test
    void every_stored_word_is_found_and_a_near_miss_is_not() {
        for (String word : new String[] {"vf", "french", "eng", "tome"}) {
            String name = "x " + word + " y";
            assertThat(table.get(name, 2, 2 + word.length())).as(word).isNotNull();
            String other = "x " + word.substring(0, word.length() - 1) + "q y";
            assertThat(table.get(other, 2, 2 + word.length())).as(other).isNull();
        }
    }
}
