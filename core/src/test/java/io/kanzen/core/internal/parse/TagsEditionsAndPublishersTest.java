package io.kanzen.core.internal.parse;

import static io.kanzen.core.internal.parse.ParsedNames.parse;
import static io.kanzen.core.internal.parse.ParsedNames.reads;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tag blocks, editions and publishers' names: what they say, and that none of them is the series. */
class TagsEditionsAndPublishersTest {
    @Test
    void a_leading_block_of_tags_is_neither_the_series_nor_the_group() {
        ParsedName slash = parse("[ENG / CBZ] Lune Rouge Vol 2");
        assertThat(slash.series()).isEqualTo("Lune Rouge");
        assertThat(slash.group()).isNull();
        assertThat(slash.language()).isEqualTo("en");
        assertThat(slash.format()).isEqualTo("cbz");

        ParsedName twoBlocks = parse("[FR][CBZ] [Team Lune] Lune Rouge T04");
        assertThat(twoBlocks.series()).isEqualTo("Lune Rouge");
        assertThat(twoBlocks.group()).isEqualTo("Team Lune");
        assertThat(twoBlocks.language()).isEqualTo("fr");
        assertThat(twoBlocks.volume()).isEqualTo(VolumeRange.of(4));

        assertThat(parse("Lune Rouge T03 [FR / PDF]").language()).isEqualTo("fr");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lune Rouge Perfect Edition T03        | Perfect Edition   | 3
            Lune Rouge Deluxe T03                 | Deluxe            | 3
            Lune Rouge Édition de luxe T03        | Deluxe            | 3
            Lune Rouge Kanzenban T03              | Kanzenban         | 3
            Lune Rouge Black Edition T03          | Black Edition     | 3
            Lune Rouge Ultimate Edition T03       | Ultimate Edition  | 3
            Lune Rouge Édition double T03         | Double            | 3
            Lune Rouge Double T03                 | Double            | 3
            Lune Rouge Édition originale T03      | Édition originale | 3
            Lune Rouge Collector T03              | Collector         | 3
            Lune Rouge Full Color T03             | Full Color        | 3
            Lune Rouge Big T03                    | Big               | 3
            Lune Rouge Omnibus Vol. 3             | Omnibus           | 3
            Lune Rouge 3-in-1 Vol. 3              | 3-in-1            | 3
            Lune Rouge Édition 20 ans T03         | Édition 20 ans    | 3
            Lune Rouge Master Edition T03         | Master Edition    | 3
            Lune Rouge Star Edition T03           | Star Edition      | 3
            Lune Rouge Gold Edition T03           | Gold Edition      | 3
            """)
    void an_edition_is_named_and_ends_the_series(String name, String edition, double volume) {
        ParsedName n = parse(name);
        assertThat(n.edition()).isEqualTo(edition);
        assertThat(n.series()).isEqualTo("Lune Rouge");
        assertThat(n.volume()).isEqualTo(VolumeRange.of(volume));
    }

    @Test
    void an_edition_word_that_starts_a_title_is_the_title() {
        reads("Double Jeu T02", "Double Jeu", "2", "-");
        assertThat(parse("Double Jeu T02").edition()).isNull();
        assertThat(parse("Big Orchestra Vol. 5").edition()).isNull();
        assertThat(parse("Black Edition Club T01").edition()).isEqualTo("Black Edition"); // an edition's full name is one
    }

    @Test
    void a_coffret_of_numbered_volumes_is_a_pack_of_those_volumes() {
        ParsedName coffret = parse("Lune Rouge Coffret T01-T03");
        assertThat(coffret.volume()).isEqualTo(VolumeRange.of(1, 3));
        assertThat(coffret.edition()).isNull();
        assertThat(coffret.series()).isEqualTo("Lune Rouge");
        assertThat(parse("Lune Rouge Box Set Vol. 4-6").volume()).isEqualTo(VolumeRange.of(4, 6));
        assertThat(parse("Lune Rouge Box Set Vol. 4-6").edition()).isNull();
        assertThat(parse("Lune Rouge Coffret collector").edition()).isEqualTo("Coffret"); // what it holds is unknown
    }

    @Test
    void a_publishers_name_after_the_number_says_the_language_when_no_tag_does() {
        assertThat(parse("Lune Rouge - Tome 05 - Glénat").language()).isEqualTo("fr");
        assertThat(parse("Lune Rouge T05 (Ki-oon)").language()).isEqualTo("fr");
        assertThat(parse("Lune Rouge v05 (2021) (Digital) (Yen Press)").language()).isEqualTo("en");
        assertThat(parse("Lune Rouge Vol. 5 [Seven Seas]").language()).isEqualTo("en");
        assertThat(parse("Lune Rouge T05 Kana ENG").language()).isEqualTo("en"); // an explicit tag wins
        assertThat(parse("Kana et Soleil T05").language()).isNull(); // before the number it is the title
        assertThat(parse("Kana et Soleil T05").series()).isEqualTo("Kana et Soleil");
        assertThat(parse("Lune Rouge T05 Seven").language()).isNull(); // half a name says nothing
    }
}
