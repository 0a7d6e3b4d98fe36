package io.kanzen.core.internal.parse;

import static io.kanzen.core.internal.parse.ParsedNames.reads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Volume and chapter words beyond French and English: each language's own words, with their ranges. */
class VolumeWordsAcrossLanguagesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sternenfänger Band 4.cbz               | Sternenfänger      | 4     | -
            Sternenfänger - Band 02 (Carlsen).cbz  | Sternenfänger      | 2     | -
            Sternenfänger Bände 1-3                | Sternenfänger      | 1-3   | -
            Sternenfänger Baende 4-6               | Sternenfänger      | 4-6   | -
            Sternenfänger Band 01 bis 04           | Sternenfänger      | 1-4   | -
            Sternenfänger Bd. 9                    | Sternenfänger      | 9     | -
            Sternenfänger Kapitel 31               | Sternenfänger      | -     | 31
            """)
    void german_band_and_baende_are_volumes(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cazadores del Alba Tomo 7               | Cazadores del Alba | 7     | -
            Cazadores del Alba Volumen 3            | Cazadores del Alba | 3     | -
            Cazadores del Alba Capítulo 120         | Cazadores del Alba | -     | 120
            Cazadores del Alba Capitulo 12.5        | Cazadores del Alba | -     | 12.5
            I Cacciatori Capitolo 44                | I Cacciatori       | -     | 44
            I Cacciatori Volume 2 Capitolo 9        | I Cacciatori       | 2     | 9
            Os Caçadores Tomo 01 Capítulo 03        | Os Caçadores       | 1     | 3
            Łowcy Świtu Tom 5                       | Łowcy Świtu        | 5     | -
            Łowcy Świtu Rozdział 17                 | Łowcy Świtu        | -     | 17
            """)
    void spanish_italian_portuguese_and_polish_words(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Охотники за рассветом том 3             | Охотники за рассветом | 3   | -
            Охотники за рассветом Том 12            | Охотники за рассветом | 12  | -
            Охотники за рассветом Тома 1-5          | Охотники за рассветом | 1-5 | -
            Охотники за рассветом глава 40          | Охотники за рассветом | -   | 40
            Охотники за рассветом Том 2 Глава 15    | Охотники за рассветом | 2   | 15
            Охотники за рассветом 7 глава           | Охотники за рассветом | -   | 7
            นักล่ารุ่งอรุณ เล่ม 6                     | นักล่ารุ่งอรุณ          | 6   | -
            Dawn Hunters เล่ม 1-3                   | Dawn Hunters          | 1-3 | -
            """)
    void russian_and_thai_words(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Dawn Hunters Vol-3 (Ch 15-21)           | Dawn Hunters       | 3     | 15-21
            Dawn Hunters Vol.1 - Vol.4              | Dawn Hunters       | 1-4   | -
            Dawn Hunters T2 - T5                    | Dawn Hunters       | 2-5   | -
            Dawn Hunters Tome 6 - Tome 8            | Dawn Hunters       | 6-8   | -
            Dawn Hunters complete 1-12              | Dawn Hunters       | 1-12  | -
            Dawn Hunters Intégrale 1-9              | Dawn Hunters       | 1-9   | -
            Terminus T-800 T03                      | Terminus T-800     | 3     | -
            """)
    void volume_ranges_written_every_usual_way(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }
}
