package io.kanzen.server;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong entity tags made from a file's bytes, and the {@code If-None-Match} test against one (RFC 9110, sections 8.8.3
 * and 13.1.2), so that a browser revalidating a file it has gets a 304 instead of the whole file again.
 */
final class EntityTags {
    /** 64 bits of SHA-256: a changed file gets another tag, and the tag stays short in every request. */
    private static final int TAG_BYTES = 8;

    private EntityTags() {
    }

    /** The quoted strong tag of {@code content}: the first 16 hex digits of its SHA-256, e.g. {@code "1f0c…"}. */
    static String of(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(digest, 0, TAG_BYTES) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-None-Match} field value names {@code tag}, so the answer is a 304: {@code *}, or a list of
     * entity tags one of which has the same opaque tag (weak comparison: {@code W/"x"} matches {@code "x"}). No field
     * (null), an empty one or one that cannot be read matches nothing: the client gets the file.
     */
    static boolean matchedBy(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        // a list of [W/]"chars": the characters of a tag may include commas, so walk it rather than split on commas
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            char c = ifNoneMatch.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (ifNoneMatch.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || ifNoneMatch.charAt(i) != '"') {
                return false; // not an entity tag: the field is malformed, so it is ignored
            }
            int end = ifNoneMatch.indexOf('"', i + 1);
            if (end < 0) {
                return false;
            }
            if (ifNoneMatch.regionMatches(i, opaque, 0, opaque.length()) && end + 1 - i == opaque.length()) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }
}
