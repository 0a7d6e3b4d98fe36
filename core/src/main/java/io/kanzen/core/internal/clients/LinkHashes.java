package io.kanzen.core.internal.clients;

import io.kanzen.api.Ed2kLink;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hash a client names a download by, read from the link itself (no network): a magnet's BitTorrent v1
 * info-hash (hex, or base32 turned into hex), an ed2k link's MD4. A torrent URL has none until it is fetched.
 */
final class LinkHashes {
    private static final Pattern BTIH = Pattern.compile("(?i)[?&]xt=urn:btih:([0-9a-f]{40}|[a-z2-7]{32})(?:&|$)");

    private LinkHashes() {}

    static Optional<String> of(String link) {
        if (link == null) {
            return Optional.empty();
        }
        if (link.regionMatches(true, 0, "magnet:", 0, 7)) {
            Matcher m = BTIH.matcher(link);
            if (!m.find()) {
                return Optional.empty();
            }
            String h = m.group(1);
            return Optional.of(h.length() == 40 ? h.toLowerCase(Locale.ROOT) : base32ToHex(h));
        }
        if (link.regionMatches(true, 0, "ed2k:", 0, 5)) {
            try {
                return Optional.of(Ed2kLink.parse(link).hash());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String base32ToHex(String b32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder bits = new StringBuilder();
        for (char c : b32.toUpperCase(Locale.ROOT).toCharArray()) {
            String b = Integer.toBinaryString(alphabet.indexOf(c));
            bits.append("0".repeat(5 - b.length())).append(b);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i + 4 <= bits.length(); i += 4) {
            hex.append(Integer.toHexString(Integer.parseInt(bits.substring(i, i + 4), 2)));
        }
        return hex.toString();
    }
}
