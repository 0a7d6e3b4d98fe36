package io.kanzen.core.internal.parse;

import static io.kanzen.core.internal.parse.ParsedNames.reads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese, Japanese and Korean counters: 巻 卷 册 冊 集 권 count volumes, 話 话 화 回 count chapters; 全N卷 is the
 * whole set from 1 to N; full-width digits and tildes read as their ASCII forms.
 */
class CjkCountersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            星の航路 第4巻              | 星の航路   | 4    | -
            星の航路 2-6巻              | 星の航路   | 2-6  | -
            星之航路 第9卷              | 星之航路   | 9    | -
            星之航路 第3册              | 星之航路   | 3    | -
            星之航路 第3冊              | 星之航路   | 3    | -
            星之航路 第11集             | 星之航路   | 11   | -
            별의 항로 5권                | 별의 항로  | 5    | -
            별의 항로 제5권              | 별의 항로  | 5    | -
            星之航路卷3                 | 星之航路   | 3    | -
            星之航路卷2第14话            | 星之航路   | 2    | 14
            """)
    void volume_counters(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            星の航路 第31話             | 星の航路   | -    | 31
            星之航路 第8话              | 星之航路   | -    | 8
            별의 항로 102화              | 별의 항로  | -    | 102
            星の航路 第6回              | 星の航路   | -    | 6
            별의 항로 2권 14화           | 별의 항로  | 2    | 14
            """)
    void chapter_counters(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            星之航路 全8卷              | 星之航路   | 1-8  | -
            星の航路 全15巻             | 星の航路   | 1-15 | -
            星の航路 １～３巻            | 星の航路   | 1-3  | -
            星の航路 4〜7巻             | 星の航路   | 4-7  | -
            星の航路 第１０巻            | 星の航路   | 10   | -
            """)
    void whole_sets_and_full_width_forms(String name, String series, String volume, String chapter) {
        reads(name, series, volume, chapter);
    }
}
