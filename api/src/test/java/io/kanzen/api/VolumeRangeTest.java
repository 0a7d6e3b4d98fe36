package io.kanzen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolumeRangeTest {
    @Test
    void a_single_volume_prints_as_its_number_and_a_pack_as_a_range() {
        assertThat(VolumeRange.of(12)).hasToString("12");
        assertThat(VolumeRange.of(7.5)).hasToString("7.5");
        assertThat(VolumeRange.of(1, 5)).hasToString("1-5");
    }

    @Test
    void whole_numbers_of_a_half_volume_are_none() {
        assertThat(VolumeRange.of(7.5).wholeNumbers()).isEmpty();
        assertThat(VolumeRange.of(1, 3).wholeNumbers()).containsExactly(1, 2, 3);
    }

    @Test
    void a_range_that_goes_down_or_below_zero_is_refused() {
        assertThatThrownBy(() -> VolumeRange.of(5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumeRange.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumeRange.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ranges_overlap_when_they_share_a_volume() {
        assertThat(VolumeRange.of(1, 5).overlaps(VolumeRange.of(5, 8))).isTrue();
        assertThat(VolumeRange.of(1, 4).overlaps(VolumeRange.of(5, 8))).isFalse();
    }

    @Test
    void what_to_string_writes_parse_reads_back_and_anything_else_is_refused_in_words() {
        for (VolumeRange r : java.util.List.of(VolumeRange.of(12), VolumeRange.of(7.5), VolumeRange.of(1, 5))) {
            assertThat(VolumeRange.parse(r.toString())).isEqualTo(r);
        }
        assertThat(VolumeRange.parse(" 1 - 3 ")).isEqualTo(VolumeRange.of(1, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VolumeRange.parse("douze"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'douze'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VolumeRange.parse("5-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
