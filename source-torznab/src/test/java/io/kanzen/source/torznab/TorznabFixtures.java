package io.kanzen.source.torznab;

import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.Fixtures;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/** The feeds' answers from the test kit's {@code torznab/} fixtures (constructed: see their README). */
final class TorznabFixtures {
    static final String API_KEY = "abcdefghijklmnopqrstuvwxyz012345";

    private TorznabFixtures() {}

    static MockResponse xml(int code, String fixture) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .body(Fixtures.text("torznab/" + fixture)).build();
    }

    static Source source(String url, PluginContext context, Map<String, String> extra) {
        SourceFactory factory = new TorznabPlugin().sourceFactories().get(0);
        Map<String, String> settings = new HashMap<>(Map.of("url", url, "apiKey", API_KEY));
        settings.putAll(extra);
        return factory.create(PluginConfig.of(factory.configProperties(), settings), context);
    }
}
