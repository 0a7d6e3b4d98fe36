package io.kanzen.source.ebdz;

import io.kanzen.api.Ed2kLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * MyBB 1.8 pages as EBDZ serves them, read by markup, never by wording (the board's language may change): the
 * login markers, the thread list of a forum, and a thread's first page.
 */
final class ForumPages {
    /** A thread row of {@code forumdisplay.php}. */
    record ThreadRow(long tid, String title, int replies, String lastPost) {}

    /** One page of a forum's thread list and the address of the next one, if any. */
    record ForumPage(List<ThreadRow> threads, Optional<String> next) {}

    /** A thread's first page: its ed2k links (deduplicated by hash and size), cover and description. */
    record Thread(List<Ed2kLink> links, String cover, String description) {}

    private static final Pattern POST_KEY = Pattern.compile("my_post_key\\s*=\\s*\"([0-9a-f]{32})\"");
    private static final Pattern TID = Pattern.compile("showthread\\.php\\?tid=(\\d+)$");
    /** An ed2k file link in text; names may hold raw spaces, so the grammar, not whitespace, delimits it. */
    private static final Pattern ED2K_IN_TEXT = Pattern.compile(
            "ed2k://\\|file\\|[^|\\r\\n]+\\|\\d{1,15}\\|[0-9A-Fa-f]{32}\\|(?:[a-zA-Z]=[^|\\s]*\\|)*/(?:\\|sources,[^|\\s]*\\|/)?");

    private ForumPages() {}

    static Optional<String> postKey(String html) {
        Matcher m = POST_KEY.matcher(html);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        Element input = Jsoup.parse(html).selectFirst("input[name=my_post_key]");
        return input == null ? Optional.empty() : Optional.of(input.attr("value"));
    }

    /** A member's page has the logout link; a guest's has the quick-login form or the no-permission login link. */
    static boolean loggedIn(String html) {
        Document doc = Jsoup.parse(html);
        return doc.selectFirst("a[href*=action=logout]") != null && doc.selectFirst("#quick_login") == null;
    }

    /** The login error list MyBB shows above the form ({@code div.error}), or empty. */
    static Optional<String> loginError(String html) {
        Element error = Jsoup.parse(html).selectFirst("div.error");
        return error == null ? Optional.empty() : Optional.of(error.text().strip());
    }

    static ForumPage forum(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        List<ThreadRow> threads = new ArrayList<>();
        for (Element row : doc.select("tr.inline_row")) {
            Element subject = row.selectFirst("span[id^=tid_] > a[href]");
            if (subject == null) {
                continue;
            }
            Matcher tid = TID.matcher(subject.attr("href"));
            if (!tid.find()) {
                continue;
            }
            Element replies = row.selectFirst("a[href*=action=whoposted]");
            int replyCount = replies == null ? 0 : parseCount(replies.text());
            Element last = row.selectFirst("span.lastpost");
            threads.add(new ThreadRow(Long.parseLong(tid.group(1)), subject.text().strip(), replyCount, last == null ? "" : last.text().strip()));
        }
        Element next = doc.selectFirst("a.pagination_next[href]");
        return new ForumPage(threads, next == null ? Optional.empty() : Optional.of(next.absUrl("href")));
    }

    static Thread thread(String html) {
        Document doc = Jsoup.parse(html);
        Map<String, Ed2kLink> links = new LinkedHashMap<>();
        for (Element body : doc.select("div.post_body")) {
            for (Element a : body.select("a[href^=ed2k://]")) {
                add(links, a.attr("href"));
            }
            // plain-text links (MyBB does not auto-link ed2k://), never the text of a link: its label may be cut short
            for (Element e : body.select("*")) {
                if (e.closest("a") != null) {
                    continue;
                }
                for (TextNode text : e.textNodes()) {
                    Matcher m = ED2K_IN_TEXT.matcher(text.getWholeText());
                    while (m.find()) {
                        add(links, m.group());
                    }
                }
            }
        }
        Element first = doc.selectFirst("div.post_body");
        Element cover = first == null ? null : first.selectFirst("li.couv img[src]");
        Element description = first == null ? null : first.selectFirst("p.indent");
        return new Thread(new ArrayList<>(links.values()), cover == null ? null : cover.attr("src"),
                description == null ? null : description.text().strip());
    }

    private static void add(Map<String, Ed2kLink> links, String candidate) {
        try {
            Ed2kLink link = Ed2kLink.parse(candidate);
            links.putIfAbsent(link.hash() + ":" + link.size(), link);
        } catch (IllegalArgumentException ignored) {
            // a cut or malformed link is not a link
        }
    }

    private static int parseCount(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 9) {
            return 0;
        }
        return Integer.parseInt(digits);
    }
}
