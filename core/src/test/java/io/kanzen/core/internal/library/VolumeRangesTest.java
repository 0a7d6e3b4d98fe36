package io.kanzen.core.internal.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.VolumeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeRangesTest {
    @Test
    void touching_whole_volumes_merge_but_a_half_volume_does_not_bridge_a_gap() {
        assertThat(VolumeRanges.merge(List.of(VolumeRange.of(3, 5), VolumeRange.of(1), VolumeRange.of(2), VolumeRange.of(7.5), VolumeRange.of(8))))
                .containsExactly(VolumeRange.of(1, 5), VolumeRange.of(7.5), VolumeRange.of(8));
    }

    @Test
    void gaps_start_at_volume_one() {
        assertThat(VolumeRanges.gaps(List.of(VolumeRange.of(4, 5), VolumeRange.of(8)))).containsExactly(1, 2, 3, 6, 7);
        assertThat(VolumeRanges.gaps(List.of())).isEmpty();
        assertThat(VolumeRanges.highestWhole(List.of(VolumeRange.of(1, 3), VolumeRange.of(3.5)))).isEqualTo(3);
    }
}
