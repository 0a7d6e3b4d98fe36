package io.kanzen.source.prowlarr;

import io.kanzen.api.PluginConfig;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.TestPluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Prowlarr's answers from src/test/resources/prowlarr (constructed from Prowlarr's source: see its README). */
final class ProwlarrFixtures {
    static final String API_KEY = "0123456789abcdef0123456789abcdef";

    private ProwlarrFixtures() {}

    static String file(String name) {
        try (InputStream in = ProwlarrFixtures.class.getResourceAsStream("/prowlarr/" + name)) {
            if (in == null) {
                throw new AssertionError("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
