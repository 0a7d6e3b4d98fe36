package io.kanzen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ed2kLinkTest {
    @Test
    void a_whole_link_gives_its_decoded_name_size_and_lower_case_hash() {
        Ed2kLink l = Ed2kLink.parse("ed2k://|file|One%20Piece%20-%20Tome%20100.cbz|52428800|0123456789ABCDEF0123456789ABCDEF|/");
        assertThat(l.name()).isEqualTo("One Piece - Tome 100.cbz");
        assertThat(l.size()).isEqualTo(52_428_800L);
        assertThat(l.hash()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void aich_hashes_and_sources_are_allowed() {
        assertThat(Ed2kLink.parse("ed2k://|file|a.cbz|10|0123456789ABCDEF0123456789ABCDEF|h=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567|/|sources,10.0.0.1:4662|/")
                .hash()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void a_link_cut_short_on_a_forum_page_is_refused_with_the_reason() {
        assertThatThrownBy(() -> Ed2kLink.parse("ed2k://|file|Naruto.T01.FRENCH.cbz|12345|0123456789ABCDEF"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> Ed2kLink.parse("ed2k://|file|Naruto.T01…"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
    }

    @Test
    void a_bad_hash_size_or_scheme_is_refused() {
        assertThatThrownBy(() -> Ed2kLink.parse("ed2k://|file|a.cbz|10|XYZ456789ABCDEF0123456789ABCDEF0|/")).hasMessageContaining("32 hex");
        assertThatThrownBy(() -> Ed2kLink.parse("ed2k://|file|a.cbz|0|0123456789ABCDEF0123456789ABCDEF|/")).hasMessageContaining("size");
        assertThatThrownBy(() -> Ed2kLink.parse("magnet:?xt=urn:btih:abc")).hasMessageContaining("not an ed2k file link");
        assertThatThrownBy(() -> Ed2kLink.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
