package io.kanzen.client.qbittorrent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Writes small single-file .torrent files for tests: bencode with real SHA-1 pieces and no tracker. */
final class TestTorrents {
    static final int PIECE = 16 * 1024;

    private TestTorrents() {}

    static byte[] singleFile(String name, byte[] content) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        for (int i = 0; i < content.length; i += PIECE) {
            pieces.writeBytes(sha1.digest(Arrays.copyOfRange(content, i, Math.min(content.length, i + PIECE))));
        }
        Map<String, Object> info = new TreeMap<>();
        info.put("length", (long) content.length);
        info.put("name", name);
        info.put("piece length", (long) PIECE);
        info.put("pieces", pieces.toByteArray());
        Map<String, Object> torrent = new TreeMap<>();
        torrent.put("created by", "kanzen tests");
        torrent.put("info", info);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(torrent, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof Long n) {
            out.writeBytes(("i" + n + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (value instanceof byte[] b) {
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (value instanceof Map<?, ?> m) {
            out.write('d');
            ((Map<String, Object>) m).forEach((k, v) -> {
                encode(k, out);
                encode(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException(String.valueOf(value));
        }
    }
}
