package io.kanzen.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNameParserTest {
    private final FileNameParser parser = new FileNameParser();

    private ParsedName parse(String name) {
        return parser.parse(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Vagabond - Tome 12.cbz              | Vagabond           | 12 | 12
            Vagabond Tome.12.cbz                | Vagabond           | 12 | 12
            Vagabond T12.cbr                    | Vagabond           | 12 | 12
            Vagabond T.07.pdf                   | Vagabond           | 7  | 7
            vagabond t6.cbz                     | vagabond           | 6  | 6
            Vagabond Tomes 1 à 5.rar            | Vagabond           | 1  | 5
            Vagabond T01 à T03.zip              | Vagabond           | 1  | 3
            Vagabond T01-T03.zip                | Vagabond           | 1  | 3
            Vagabond T01-03.zip                 | Vagabond           | 1  | 3
            Les_Gouttes_de_Dieu_-_Tome_044.cbz  | Les Gouttes de Dieu | 44 | 44
            """)
    void french_volume_markers_give_the_series_and_the_volumes(String name, String series, double from, double to) {
        ParsedName n = parse(name);
        assertThat(n.series()).isEqualTo(series);
        assertThat(n.volume()).isEqualTo(VolumeRange.of(from, to));
        assertThat(n.chapter()).isNull();
    }

    @Test
    void a_scene_name_gives_series_volume_language_format_and_group() {
        ParsedName n = parse("Les.Enfants.de.la.Baleine.T05.FRENCH.CBZ-NoTeam");

        assertThat(n.series()).isEqualTo("Les Enfants de la Baleine");
        assertThat(n.volume()).isEqualTo(VolumeRange.of(5));
        assertThat(n.language()).isEqualTo("fr");
        assertThat(n.format()).isEqualTo("cbz");
        assertThat(n.group()).isEqualTo("NoTeam");
    }

    @Test
    void french_tags_name_the_language_and_the_edition() {
        assertThat(parse("Gunnm Édition originale T03 VF.cbz").edition()).isEqualTo("Édition originale");
        assertThat(parse("Gunnm Édition originale T03 VF.cbz").language()).isEqualTo("fr");
        assertThat(parse("Gunnm Édition originale T03 VF.cbz").series()).isEqualTo("Gunnm");
        assertThat(parse("Berserk Perfect Edition T02").edition()).isEqualTo("Perfect Edition");
        assertThat(parse("Yawara Deluxe Tome 4").edition()).isEqualTo("Deluxe");
        assertThat(parse("Kingdom T12 VOSTFR").language()).isEqualTo("fr");
        assertThat(parse("Kingdom T12 MULTI").language()).isEqualTo("multi");
        assertThat(parse("Kingdom T12 VO").language()).isEqualTo("ja");
    }

    @Test
    void a_hors_serie_is_special_and_not_a_numbered_volume() {
        ParsedName n = parse("Dragon Ball HS2.cbz");

        assertThat(n.special()).isTrue();
        assertThat(n.volume()).isNull();
        assertThat(n.series()).isEqualTo("Dragon Ball");
    }

    @Test
    void a_whole_series_batch_with_no_number_is_flagged() {
        ParsedName n = parse("Gunnm Intégrale FRENCH");

        assertThat(n.volume()).isNull();
        assertThat(n.completeSeries()).isTrue();
        assertThat(n.edition()).isEqualTo("Intégrale");
        assertThat(n.series()).isEqualTo("Gunnm");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Dorohedoro v01.cbz                          | Dorohedoro | 1  | 1
            Dorohedoro Vol. 3.cbz                       | Dorohedoro | 3  | 3
            Dorohedoro Vol.3.cbz                        | Dorohedoro | 3  | 3
            Dorohedoro Volume 12.cbz                    | Dorohedoro | 12 | 12
            Dorohedoro Book 4.epub                      | Dorohedoro | 4  | 4
            Dorohedoro v01-v12.cbz                      | Dorohedoro | 1  | 12
            Dorohedoro Vol. 1-11 (2020).cbz             | Dorohedoro | 1  | 11
            Dorohedoro Volumes 1 to 13                  | Dorohedoro | 1  | 13
            Dorohedoro v07.5 (2016) (Digital).cbz       | Dorohedoro | 7.5 | 7.5
            [Band] Dorohedoro - Vol. 07 [1920].cbz      | Dorohedoro | 7  | 7
            """)
    void english_volume_markers_give_the_series_and_the_volumes(String name, String series, double from, double to) {
        ParsedName n = parse(name);
        assertThat(n.series()).isEqualTo(series);
        assertThat(n.volume()).isEqualTo(VolumeRange.of(from, to));
    }

    @Test
    void years_and_resolutions_in_brackets_are_not_volumes() {
        ParsedName n = parse("Mushishi (2016) [1920] [Digital-1920].cbz");

        assertThat(n.volume()).isNull();
        assertThat(n.chapter()).isNull();
        assertThat(n.series()).isEqualTo("Mushishi");
    }

    @Test
    void chapter_only_releases_have_no_volume() {
        assertThat(parse("Dandadan c001-008 (2021).cbz").chapter()).isEqualTo(VolumeRange.of(1, 8));
        assertThat(parse("Dandadan c001-008 (2021).cbz").volume()).isNull();
        assertThat(parse("Dandadan Ch. 153").chapter()).isEqualTo(VolumeRange.of(153));
        assertThat(parse("Dandadan Chapter 12").chapter()).isEqualTo(VolumeRange.of(12));
        assertThat(parse("Dandadan 042.cbz").chapter()).isEqualTo(VolumeRange.of(42));
    }

    @Test
    void a_group_in_leading_brackets_is_the_group_not_the_series() {
        ParsedName n = parse("[Scantrad] Mob Psycho 100 - Tome 16 [FR].cbz");

        assertThat(n.group()).isEqualTo("Scantrad");
        assertThat(n.series()).isEqualTo("Mob Psycho 100");
        assertThat(n.volume()).isEqualTo(VolumeRange.of(16));
    }

    @Test
    void japanese_chinese_and_korean_volume_markers_are_read() {
        assertThat(parse("ヴィンランド・サガ 第5巻.zip").volume()).isEqualTo(VolumeRange.of(5));
        assertThat(parse("ヴィンランド・サガ 1-3巻").volume()).isEqualTo(VolumeRange.of(1, 3));
        assertThat(parse("나 혼자만 레벨업 3권").volume()).isEqualTo(VolumeRange.of(3));
        assertThat(parse("斗罗大陆 第12卷").volume()).isEqualTo(VolumeRange.of(12));
    }

    @Test
    void an_ed2k_file_name_is_percent_decoded() {
        ParsedName n = parse("Dr.%20Stone%20-%20Tome%2026%20%5BFR%5D.cbz");

        assertThat(n.series()).isEqualTo("Dr. Stone");
        assertThat(n.volume()).isEqualTo(VolumeRange.of(26));
        assertThat(n.format()).isEqualTo("cbz");
    }

    @Test
    void a_path_is_read_by_its_file_name_and_a_page_by_its_folder() {
        assertThat(parse("/srv/manga/Akira/Akira T03.cbz").volume()).isEqualTo(VolumeRange.of(3));
        assertThat(parse("/srv/manga/Akira T03/page-012.jpg").volume()).isEqualTo(VolumeRange.of(3));
        assertThat(parse("/srv/manga/Akira T03/page-012.jpg").series()).isEqualTo("Akira");
    }

    @Test
    void a_number_glued_to_a_word_by_a_hyphen_belongs_to_the_title() {
        assertThat(parse("Mobile Suit Gundam RX-78 T02").series()).isEqualTo("Mobile Suit Gundam RX-78");
        assertThat(parse("Mobile Suit Gundam RX-78 T02").volume()).isEqualTo(VolumeRange.of(2));
    }
}
