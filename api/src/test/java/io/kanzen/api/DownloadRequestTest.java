package io.kanzen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DownloadRequestTest {
    @Test
    void the_kind_of_a_link_is_read_from_its_scheme() {
        assertThat(DownloadRequest.of("magnet:?xt=urn:btih:abc", "One Piece", VolumeRange.of(100)).kind()).isEqualTo(LinkKind.MAGNET);
        assertThat(DownloadRequest.of("ed2k://|file|a.cbz|10|0123456789abcdef0123456789abcdef|/", "x", null).kind())
                .isEqualTo(LinkKind.ED2K);
        assertThat(LinkKind.of("javascript:alert(1)")).isEmpty();
    }

    @Test
    void a_link_that_is_not_of_the_declared_kind_is_refused() {
        assertThatThrownBy(() -> new DownloadRequest("http://x/a.torrent", LinkKind.MAGNET, null, "t", null, null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownloadRequest.of("file:///etc/passwd", "t", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
