package io.kanzen.client.qbittorrent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A torrent's v1 info-hash, 40 lower-case hex digits: how qBittorrent names a torrent. */
record InfoHash(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern BTIH = Pattern.compile("(?i)[?&]xt=urn:btih:([0-9a-z]{32,40})(?:&|$)");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    InfoHash {
        hex = hex.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("an info-hash is 40 hex digits: " + hex);
        }
    }

    /** The hash in a magnet's {@code xt=urn:btih:} (hex, or the older base32 form). */
    static InfoHash ofMagnet(String magnet) {
        Matcher m = BTIH.matcher(magnet);
        if (!m.find()) {
            throw new IllegalArgumentException("the magnet link has no BitTorrent info-hash (xt=urn:btih:...)");
        }
        String h = m.group(1).toLowerCase(Locale.ROOT);
        if (h.length() == 40) {
            return new InfoHash(h);
        }
        if (h.length() == 32) {
            return new InfoHash(HexFormat.of().formatHex(base32(h)));
        }
        throw new IllegalArgumentException("the magnet's info-hash is neither 40 hex nor 32 base32 characters");
    }

    /** SHA-1 of the bencoded {@code info} dictionary of a .torrent file. */
    static InfoHash ofTorrent(byte[] torrent) {
        Bencode.Span info = Bencode.infoDictionary(torrent);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(torrent, info.start(), info.end() - info.start());
            return new InfoHash(HexFormat.of().formatHex(sha1.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String s) {
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0, n = 0;
        for (char c : s.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("the magnet's info-hash is not base32");
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
