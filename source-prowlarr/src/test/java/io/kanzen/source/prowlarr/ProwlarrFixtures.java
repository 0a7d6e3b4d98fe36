package io.kanzen.source.prowlarr;

import io.kanzen.testkit.Fixtures;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.TestPluginContext;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Prowlarr's answers from src/test/resources/prowlarr (constructed from Prowlarr's source: see its README). */
final class ProwlarrFixtures {
    static final String API_KEY = "0123456789abcdef0123456789abcdef";

    private ProwlarrFixtures() {}

    static String file(String name) {
        return Fixtures.text("prowlarr/" + name);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    static Source source(String url, TestPluginContext context, Map<String, String> extra) {
        SourceFactory factory = new ProwlarrPlugin().sourceFactories().get(0);
        Map<String, String> settings = new HashMap<>(Map.of("url", url, "apiKey", API_KEY));
        settings.putAll(extra);
        return factory.create(PluginConfig.of(factory.configProperties(), settings), context);
    }
}
