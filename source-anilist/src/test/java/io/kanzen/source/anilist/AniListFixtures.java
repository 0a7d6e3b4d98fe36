package io.kanzen.source.anilist;

import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.testkit.Fixtures;
import java.util.Map;
import mockwebserver3.MockResponse;

/** AniList's answers from the test kit's {@code anilist/} fixtures (constructed: see their README). */
final class AniListFixtures {
    private AniListFixtures() {}

    static MockResponse json(int code, String fixture) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(Fixtures.text("anilist/" + fixture)).build();
    }

    /** A source on {@code url} with no pause between requests (the pacing is the host's test, and slow). */
    static Source source(String url, PluginContext context) {
        SourceFactory f = new AniListPlugin().sourceFactories().get(0);
        return f.create(PluginConfig.of(f.configProperties(), Map.of("url", url, "minIntervalSeconds", "0")), context);
    }
}
