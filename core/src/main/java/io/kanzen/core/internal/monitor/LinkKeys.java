package io.kanzen.core.internal.monitor;

import io.kanzen.api.Ed2kLink;
import io.kanzen.api.Release;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable key for a release, the same whichever source or link form it came through: the BitTorrent info-hash,
 * the ed2k file hash, else the source's guid, else the link. Grabs and the blocklist are keyed by it.
 */
public final class LinkKeys {
    private static final Pattern BTIH = Pattern.compile("(?i)[?&]xt=urn:btih:([0-9a-z]{32,40})");

    private LinkKeys() {}

    public static String of(Release r) {
        if (r.infoHash() != null && !r.infoHash().isBlank()) {
            return "btih:" + r.infoHash().toLowerCase(Locale.ROOT);
        }
        String fromLink = ofLink(r.link());
        if (!fromLink.startsWith("link:")) {
            return fromLink;
        }
        return r.guid() != null && !r.guid().isBlank() ? "guid:" + r.source() + ":" + r.guid() : fromLink;
    }

    public static String ofLink(String link) {
        String l = link.strip();
        Matcher m = BTIH.matcher(l);
        if (l.regionMatches(true, 0, "magnet:", 0, 7) && m.find()) {
            return "btih:" + m.group(1).toLowerCase(Locale.ROOT);
        }
        if (l.regionMatches(true, 0, "ed2k://", 0, 7)) {
            try {
                return "ed2k:" + Ed2kLink.parse(l).hash();
            } catch (IllegalArgumentException e) {
                return "link:" + l;
            }
        }
        return "link:" + l;
    }
}
