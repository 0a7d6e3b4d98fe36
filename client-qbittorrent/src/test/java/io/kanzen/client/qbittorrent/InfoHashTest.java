package io.kanzen.client.qbittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InfoHashTest {
    @Test
    void a_hex_magnet_gives_its_hash_in_lower_case() {
        InfoHash h = InfoHash.ofMagnet("magnet:?xt=urn:btih:0123456789ABCDEF0123456789ABCDEF01234567&dn=One+Piece+T100");
        assertThat(h.hex()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void a_base32_magnet_is_read_as_the_same_hash() {
        // 20 bytes 0x00..0x13 in base32
        byte[] raw = new byte[20];
        for (int i = 0; i < 20; i++) {
            raw[i] = (byte) i;
        }
        String base32 = "AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT";
        assertThat(InfoHash.ofMagnet("magnet:?dn=x&xt=urn:btih:" + base32).hex()).isEqualTo(HexFormat.of().formatHex(raw));
    }

    @Test
    void a_magnet_without_a_bittorrent_hash_is_refused_in_words() {
        assertThatThrownBy(() -> InfoHash.ofMagnet("magnet:?xt=urn:ed2k:31D6CFE0D16AE931B73C59D7E0C089C0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no BitTorrent info-hash");
    }

    @Test
    void a_torrent_hash_is_the_sha1_of_its_info_dictionary() throws Exception {
        byte[] torrent = TestTorrents.singleFile("One Piece T100.cbz", "contenu".getBytes(StandardCharsets.UTF_8));
        String text = new String(torrent, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("4:info") + 6;
        byte[] info = Arrays.copyOfRange(torrent, start, torrent.length - 1);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info));
        assertThat(InfoHash.ofTorrent(torrent).hex()).isEqualTo(expected);
    }

    @Test
    void a_cut_or_foreign_file_is_not_a_torrent_and_says_so() throws Exception {
        byte[] torrent = TestTorrents.singleFile("a.cbz", new byte[100]);
        for (byte[] bad : new byte[][] {
            Arrays.copyOf(torrent, torrent.length / 2), "<html>ban</html>".getBytes(StandardCharsets.US_ASCII), new byte[0],
            "d4:name1:xe".getBytes(StandardCharsets.US_ASCII), "d4:info5:helloe".getBytes(StandardCharsets.US_ASCII),
            "d99999999999:x".getBytes(StandardCharsets.US_ASCII)}) {
            assertThatThrownBy(() -> InfoHash.ofTorrent(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a torrent file");
        }
    }
}
