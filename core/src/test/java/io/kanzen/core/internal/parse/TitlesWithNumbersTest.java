package io.kanzen.core.internal.parse;

import static io.kanzen.core.internal.parse.ParsedNames.reads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers of a title stay in the title; season markers and number signs are not volumes. */
class TitlesWithNumbersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Monstre No. 9 - Tome 04            | Monstre No. 9          | 4   | -
            Monstre No. 9 v02                  | Monstre No. 9          | 2   | -
            Monstre No. 9 017 (2022)           | Monstre No. 9          | -   | 17
            Esprit 100 T06                     | Esprit 100             | 6   | -
            21st Century Girls Vol. 3          | 21st Century Girls     | 3   | -
            Brigade 07 - Tome 02               | Brigade 07             | 2   | -
            Brigade 07 – Tome 03               | Brigade 07             | 3   | -
            9 Graines T11                      | 9 Graines              | 11  | -
            Gorgo:Z T04                        | Gorgo:Z                | 4   | -
            Unité RX-7 Vol. 2                  | Unité RX-7             | 2   | -
            """)
    void a_number_that_belongs_to_the_title_stays_in_it(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Starfall Saga No. 5                | Starfall Saga          | -   | 5
            Starfall Saga Nº 6                 | Starfall Saga          | -   | 6
            Starfall Saga #14.cbr              | Starfall Saga          | -   | 14
            Starfall Saga 014 (2019)           | Starfall Saga          | -   | 14
            """)
    void a_number_sign_marks_an_issue(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lune Rouge S2 - 05                 | Lune Rouge             | -   | 5
            Lune Rouge Season 2 07             | Lune Rouge             | -   | 7
            Lune Rouge Season 3 4              | Lune Rouge             | -   | 4
            Lune Rouge Saison 2 Tome 3         | Lune Rouge             | 3   | -
            Lune.Rouge.S02.Vol.1               | Lune Rouge             | 1   | -
            """)
    void a_season_marker_is_neither_volume_nor_title(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }
}
