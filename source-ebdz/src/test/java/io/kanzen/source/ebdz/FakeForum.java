package io.kanzen.source.ebdz;

import io.kanzen.testkit.Fixtures;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.TestPluginContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MyBB forum that behaves as MyBB does, served from the fixtures (src/test/resources/mybb, rendered from the
 * MyBB 1.8.37 templates; see their README): a guest gets a sid cookie and my_post_key, the login POST must carry
 * both and the right password, then pages are a member's until the session is dropped.
 */
final class FakeForum extends Dispatcher {
    static final String USER = "kanzen";
    static final String PASSWORD = "bon-mot-de-passe";
    static final String POST_KEY = "84992f1a999c6dfbf44f8a4fe5721fe2";

    final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, String>> logins = Collections.synchronizedList(new ArrayList<>());
    final Map<String, MockResponse> failures = new HashMap<>();
    final AtomicInteger sessionsIssued = new AtomicInteger();
    volatile String validSession;
    volatile boolean emptyForum;

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        String target = r.getTarget().replaceFirst("^/forum/", "");
        asked.add(r.getMethod() + " " + target);
        MockResponse failure = failures.get(target);
        if (failure != null) {
            return failure;
        }
        String cookies = r.getHeaders().get("Cookie") == null ? "" : r.getHeaders().get("Cookie");
        boolean member = validSession != null && cookies.contains("mybbuser=" + validSession);
        if (target.equals("member.php") && r.getMethod().equals("POST")) {
            Map<String, String> form = form(r.getBody() == null ? "" : r.getBody().utf8());
            logins.add(form);
            if (!POST_KEY.equals(form.get("my_post_key")) || !cookies.contains("sid=guest-sid")) {
                return html(fixture("error_invalid_post_key.html"));
            }
            if (!USER.equals(form.get("quick_username")) || !PASSWORD.equals(form.get("quick_password"))) {
                return html(fixture("login_failed.html"));
            }
            validSession = "1_loginkey" + sessionsIssued.incrementAndGet();
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                    .addHeader("Set-Cookie", "mybbuser=" + validSession + "; path=/")
                    .body(fixture("login_success_redirect.html")).build();
        }
        if (target.equals("index.php")) {
            return member ? html(fixture("index_member.html"))
                    : new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                            .addHeader("Set-Cookie", "sid=guest-sid; path=/").body(fixture("index_guest.html")).build();
        }
        if (!member) {
            return html(fixture("error_nopermission_guest.html"));
        }
        if (target.startsWith("forumdisplay.php?fid=12")) {
            if (emptyForum) {
                return html(memberPage("<table></table>"));
            }
            String page = target.contains("page=") ? target.substring(target.indexOf("page=") + 5) : "1";
            return html(fixture("forumdisplay_fid12_page" + page + ".html"));
        }
        if (target.equals("showthread.php?tid=91544")) {
            return html(fixture("showthread_tid91544.html"));
        }
        if (target.startsWith("showthread.php?tid=")) {
            String tid = target.substring("showthread.php?tid=".length());
            String hash = String.format("%032x", Long.parseLong(tid));
            return html(memberPage("<div class=\"post_body\">ed2k://|file|Sujet." + tid + ".Tome.01.cbz|1000|" + hash + "|/</div>"));
        }
        return new MockResponse.Builder().code(404).build();
    }

    /** The member's session is forgotten, as when it expires on the forum. */
    void expireSession() {
        validSession = "expired";
    }

    static MockResponse html(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
    }

    private static String memberPage(String content) {
        return "<html><body><div id=\"panel\"><a href=\"member.php?action=logout&amp;logoutkey=x\" class=\"logout\">Déconnexion</a></div>"
                + content + "</body></html>";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String fixture(String name) {
        return Fixtures.text("mybb/" + name);
    }

    static Source source(String forumUrl, TestPluginContext context, String password) {
        SourceFactory f = new EbdzPlugin().sourceFactories().get(0);
        return f.create(PluginConfig.of(f.configProperties(), Map.of("url", forumUrl, "username", USER, "password", password,
                "forums", "12", "minIntervalSeconds", "0")), context);
    }

    static Source source(MockWebServer server, TestPluginContext context) {
        return source(server.url("/forum/").toString(), context, PASSWORD);
    }
}
