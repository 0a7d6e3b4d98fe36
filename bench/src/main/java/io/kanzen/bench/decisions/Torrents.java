package io.kanzen.bench.decisions;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Small real torrents: a bencoded single-file .torrent whose info-hash qBittorrent computes the same way, and
 * magnets on random info-hashes. Neither has a tracker or a peer, so nothing ever downloads.
 */
public final class Torrents {
    private Torrents() {}

    /** A .torrent of one file of {@code length} bytes, its pieces random (seeded): the content never exists. */
    public static byte[] torrent(String fileName, long length, Random random) {
        long pieceLength = 256 * 1024;
        while (length / pieceLength > 2000) {
            pieceLength *= 2;
        }
        int pieces = (int) Math.max(1, (length + pieceLength - 1) / pieceLength);
        byte[] hashes = new byte[pieces * 20];
        random.nextBytes(hashes);
        Map<String, Object> info = new TreeMap<>();
        info.put("length", length);
        info.put("name", fileName);
        info.put("piece length", pieceLength);
        info.put("pieces", hashes);
        Map<String, Object> torrent = new TreeMap<>();
        torrent.put("created by", "kanzen-bench");
        torrent.put("info", info);
        return encode(torrent);
    }

    /** The lower-case hex SHA-1 of the bencoded info dictionary. */
    public static String infoHash(String fileName, byte[] torrent) {
        // the info dictionary is the last value of the top dictionary ("created by" < "info"), so it ends one byte before the end
        String marker = "4:info";
        int at = indexOf(torrent, marker.getBytes(StandardCharsets.US_ASCII)) + marker.length();
        byte[] info = java.util.Arrays.copyOfRange(torrent, at, torrent.length - 1);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomHash(Random random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String magnet(String infoHash, String title) {
        return "magnet:?xt=urn:btih:" + infoHash + "&dn=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no info dictionary");
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof Long || value instanceof Integer) {
            out.writeBytes(("i" + value + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (value instanceof byte[] b) {
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (value instanceof Map<?, ?> m) {
            out.write('d');
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) { // a TreeMap: keys in byte order for ASCII keys
                write(e.getKey(), out);
                write(e.getValue(), out);
            }
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + value);
        }
    }
}
