package io.kanzen.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ed2k file link, read strictly: {@code ed2k://|file|NAME|SIZE|MD4|[h=AICH|][p=…|]/[|sources,…|/]}. Forum pages
 * often show links cut short ("ed2k://|file|Naruto.T01…"); such a link is refused with the reason, before aMule
 * sees it. Shared by the sources that find ed2k links (EBDZ) and the client that downloads them (aMule).
 *
 * @param hash the MD4 file hash, 32 lower-case hex digits: aMule's key for the download
 */
public record Ed2kLink(String link, String name, long size, String hash) {
    private static final Pattern LINK = Pattern.compile(
            "ed2k://\\|file\\|([^|]+)\\|(\\d{1,15})\\|([0-9a-fA-F]{32})\\|(?:[a-z]=[^|]*\\|)*/(?:\\|sources,[^|]*\\|/)?");
    /** 256 GiB, aMule's largest file. */
    private static final long MAX_SIZE = 256L * 1024 * 1024 * 1024;

    /** Reads a link strictly; a link cut short, a bad hash or size is an {@link IllegalArgumentException} saying which. */
    public static Ed2kLink parse(String text) {
        String link = text == null ? "" : text.strip();
        if (!link.toLowerCase(Locale.ROOT).startsWith("ed2k://|file|")) {
            throw new IllegalArgumentException("not an ed2k file link (it starts with ed2k://|file|)");
        }
        Matcher m = LINK.matcher(link);
        if (!m.matches()) {
            String[] parts = link.substring("ed2k://|file|".length()).split("\\|", -1);
            if (parts.length < 4 || !link.endsWith("|/")) {
                throw new IllegalArgumentException("the ed2k link is cut short: a whole one is ed2k://|file|name|size|hash|/");
            }
            if (!parts[2].matches("[0-9a-fA-F]{32}")) {
                throw new IllegalArgumentException("the ed2k link's hash is not 32 hex digits");
            }
            throw new IllegalArgumentException("the ed2k link is malformed");
        }
        long size = Long.parseLong(m.group(2));
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("the ed2k link's size is out of range: " + size);
        }
        String name;
        try {
            name = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = m.group(1);
        }
        return new Ed2kLink(link, name, size, m.group(3).toLowerCase(Locale.ROOT));
    }
}
