package io.kanzen.client.amule;

import io.kanzen.testkit.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec against frames captured from amuled 2.3.3 (src/test/resources/amule-ec, see its README). */
class EcCodecTest {
    private static final List<String> PLAIN = List.of(
            "plain/01-c2s-auth-req.hex", "plain/02-s2c-auth-salt.hex", "plain/03-c2s-auth-passwd.hex", "plain/04-s2c-auth-ok.hex",
            "plain/05-c2s-add-link.hex", "plain/06-s2c-noop.hex", "plain/09-c2s-add-link-invalid.hex", "plain/10-s2c-failed.hex",
            "plain/11-c2s-add-link-with-category.hex", "plain/13-c2s-get-dload-queue.hex", "plain/14-s2c-dload-queue.hex",
            "plain/18-s2c-dload-queue.hex", "plain/24-s2c-failed.hex", "shared-files/06-s2c-shared-files.hex",
            "download-over-netns/04-s2c-dload-queue-source-queued.hex", "download-over-netns/13-s2c-shared-files-after-complete.hex");

    @Test
    void plain_frames_decode_and_encode_back_byte_for_byte() {
        for (String name : PLAIN) {
            byte[] frame = frame(name);
            EcPacket packet = decode(frame);
            assertThat(EcCodec.encode(packet)).as(name).isEqualTo(frame);
        }
    }

    @Test
    void the_download_queue_lists_each_part_file_with_its_name_hash_and_sizes() {
        EcPacket queue = decode(frame("plain/14-s2c-dload-queue.hex"));
        assertThat(queue.opcode()).isEqualTo(Ec.OP_DLOAD_QUEUE);
        List<EcTag> files = queue.all(Ec.TAG_PARTFILE);
        assertThat(files).hasSize(2);
        EcTag first = files.get(0);
        assertThat(first.child(Ec.TAG_PARTFILE_NAME).orElseThrow().asString()).isEqualTo("Test.Vol.01.cbz");
        assertThat(first.child(Ec.TAG_PARTFILE_HASH).orElseThrow().asHex()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(first.childLong(Ec.TAG_PARTFILE_SIZE_FULL, -1)).isEqualTo(12_345_678L);
    }

    @Test
    void utf8_numbers_and_zlib_bodies_from_amulecmd_are_read() {
        EcPacket small = decode(frame("amulecmd-session/conn2-show-dl-06-s2c-dload-queue.hex"));
        assertThat(small.all(Ec.TAG_PARTFILE)).hasSize(1);
        byte[] zlib = frame("utf8zlib/10-s2c-dload-queue.hex");
        assertThat(ByteBuffer.wrap(zlib).getInt() & EcCodec.FLAG_ZLIB).isEqualTo(EcCodec.FLAG_ZLIB);
        EcPacket big = decode(zlib);
        assertThat(big.all(Ec.TAG_PARTFILE)).hasSize(3);
        assertThat(big.all(Ec.TAG_PARTFILE)).allSatisfy(f -> assertThat(f.child(Ec.TAG_PARTFILE_HASH)).isPresent());
    }

    @Test
    void the_password_hash_uses_the_salt_without_leading_zeros() {
        assertThat(hex(EcConnection.passwordHash("secret", 0xA6C4CA148E08DE51L))).isEqualTo("679e4eabaa00283953775ff3b874cf4e");
        assertThat(hex(EcConnection.passwordHash("secret", 0x02B0A3CC54C66F1FL))).isEqualTo("c3fbab257bea418846219f8c7a280a95");
        assertThat(hex(EcConnection.passwordHash("wrong", 0x0C6D05AD49943E21L))).isEqualTo("74f212eeec90ba8692ae36cb2c3ae0b5");
        // and the hash a captured client sent is the one computed from the captured salt
        EcTag salt = decode(frame("plain/02-s2c-auth-salt.hex")).tag(Ec.TAG_PASSWD_SALT).orElseThrow();
        EcTag sent = decode(frame("plain/03-c2s-auth-passwd.hex")).tag(Ec.TAG_PASSWD_HASH).orElseThrow();
        assertThat(EcConnection.passwordHash("secret", salt.asLong())).isEqualTo(sent.data());
    }

    @Test
    void cut_or_foreign_bytes_are_refused_with_a_protocol_error_not_an_index_error() {
        byte[] queue = frame("plain/14-s2c-dload-queue.hex");
        for (int cut : new int[] {9, 12, 40, 300, queue.length - 1}) {
            byte[] body = Arrays.copyOfRange(queue, 8, cut);
            assertThatThrownBy(() -> EcCodec.decode(0x20, body)).isInstanceOf(EcProtocolException.class);
        }
        assertThatThrownBy(() -> EcCodec.decode(0x48545450, "HTTP/1.1 400".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(EcProtocolException.class).hasMessageContaining("not an EC frame");
        assertThatThrownBy(() -> EcCodec.decode(0x21, new byte[] {1, 2, 3})).isInstanceOf(EcProtocolException.class);
    }

    static EcPacket decode(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        int flags = b.getInt();
        int length = b.getInt();
        assertThat(length).isEqualTo(frame.length - 8);
        return EcCodec.decode(flags, Arrays.copyOfRange(frame, 8, frame.length));
    }

    static byte[] frame(String name) {
        return HexFormat.of().parseHex(Fixtures.text("amule-ec/" + name).strip());
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
