package io.kanzen.source.nautiljon;

import io.kanzen.testkit.Fixtures;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.TestPluginContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Nautiljon served from the fixtures (src/test/resources/nautiljon: reconstructed pages, see their README): the
 * search page with its token, search results, fiches by path. Records the paths asked.
 */
final class FakeNautiljon extends Dispatcher {
    static final String NO_RESULT = "<html><body><input type=\"hidden\" name=\"st\" value=\"tok\" />"
            + "<table class=\"search\"><tbody></tbody></table></body></html>";

    final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    final Map<String, MockResponse> pages = new ConcurrentHashMap<>();
    String searchPage = fixture("search_one_piece.reconstructed.html");
    String results = fixture("search_one_piece.reconstructed.html");
    int expiredSearches;

    FakeNautiljon() {
        pages.put("/mangas/one+piece.html", html(200, fixture("fiche_one_piece.reconstructed.html")));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        asked.add(target);
        if (target.equals("/mangas/")) {
            return html(200, searchPage);
        }
        if (target.startsWith("/mangas/?q=")) {
            if (expiredSearches > 0) {
                expiredSearches--;
                return html(200, fixture("search_session_expired.reconstructed.html"));
            }
            return html(200, results);
        }
        return pages.getOrDefault(target, html(200, fixture("real_404_page_2020.html")));
    }

    static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
    }

    static String fixture(String name) {
        return Fixtures.text("nautiljon/" + name);
    }

    /** A source on {@code server} with no pause between requests (the pacing has its own test). */
    static Source source(MockWebServer server, TestPluginContext context) {
        return source(server.url("/").toString(), context);
    }

    static Source source(String url, TestPluginContext context) {
        SourceFactory f = new NautiljonPlugin().sourceFactories().get(0);
        return f.create(PluginConfig.of(f.configProperties(), Map.of("url", url, "minIntervalSeconds", "0")), context);
    }
}
