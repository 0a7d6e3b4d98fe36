package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.Kanzen;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI's files and the WebJars revalidated by ETag over real HTTP: 304 for the browser's copy, 200 otherwise. */
class ClassPathFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "/assets/js/main.js";
    private static final String CHART = "/webjars/chart.js/4.4.1/dist/chart.umd.js";
    @TempDir
    Path tmp;
    private Kanzen kanzen;
    private KanzenServer server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).build();
        server = KanzenServer.start(kanzen, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        kanzen.close();
    }

    private HttpResponse<String> call(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + r.uri()));
    }

    private static byte[] classPathFile(String name) throws Exception {
        try (InputStream in = ClassPathFilesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void aFileCarriesTheStrongTagOfItsBytes() throws Exception {
        HttpResponse<String> script = call("GET", SCRIPT, Map.of());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(etag(script)).matches("\"[0-9a-f]{16}\"").isEqualTo(EntityTags.of(classPathFile("public/assets/js/main.js")));
        HttpResponse<String> css = call("GET", "/assets/app.css", Map.of());
        assertThat(etag(css)).isEqualTo(EntityTags.of(classPathFile("public/assets/app.css"))).isNotEqualTo(etag(script));
        assertThat(etag(call("GET", SCRIPT, Map.of()))).as("the same file, asked again").isEqualTo(etag(script));
    }

    @Test
    void theBrowsersTagGetsA304WithTheSameHeadersAndNoBody() throws Exception {
        HttpResponse<String> first = call("GET", SCRIPT, Map.of());
        HttpResponse<String> again = call("GET", SCRIPT, Map.of("If-None-Match", etag(first)));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(etag(again)).isEqualTo(etag(first));
        assertThat(again.headers().firstValue("Cache-Control")).contains("max-age=0");
        assertThat(again.headers().firstValue("Content-Security-Policy")).isPresent(); // the security headers still apply
    }

    @Test
    void aListAWeakTagOrAStarAlsoGetA304() throws Exception {
        String tag = etag(call("GET", SCRIPT, Map.of()));
        for (String ifNoneMatch : List.of("\"0000000000000000\", " + tag, "W/" + tag, "*")) {
            assertThat(call("GET", SCRIPT, Map.of("If-None-Match", ifNoneMatch)).statusCode()).as(ifNoneMatch).isEqualTo(304);
        }
    }

    @Test
    void aBrowsersCompressedCopyIsRevalidatedByTheSameTag() throws Exception {
        String tag = etag(call("GET", SCRIPT, Map.of()));
        HttpResponse<String> gzipped = call("GET", SCRIPT, Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip"); // main.js is big enough for Javalin to compress
        assertThat(etag(gzipped)).isEqualTo(tag);
        assertThat(call("GET", SCRIPT, Map.of("Accept-Encoding", "gzip, deflate, br", "If-None-Match", tag)).statusCode()).isEqualTo(304);
    }

    @Test
    void anotherTagGetsTheWholeFile() throws Exception {
        HttpResponse<String> first = call("GET", SCRIPT, Map.of());
        for (String ifNoneMatch : List.of("\"0000000000000000\"", etag(call("GET", "/assets/app.css", Map.of())), etag(first).replace("\"", ""))) {
            HttpResponse<String> r = call("GET", SCRIPT, Map.of("If-None-Match", ifNoneMatch));
            assertThat(r.statusCode()).as(ifNoneMatch).isEqualTo(200);
            assertThat(r.body()).as(ifNoneMatch).isEqualTo(first.body());
            assertThat(etag(r)).isEqualTo(etag(first));
        }
    }

    @Test
    void headAnswersTheHeadersOfGetAndRevalidatesAlike() throws Exception {
        HttpResponse<String> get = call("GET", SCRIPT, Map.of());
        HttpResponse<String> head = call("HEAD", SCRIPT, Map.of());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : List.of("ETag", "Cache-Control", "Content-Type")) {
            assertThat(head.headers().firstValue(name)).as(name).isEqualTo(get.headers().firstValue(name));
        }
        HttpResponse<String> revalidated = call("HEAD", SCRIPT, Map.of("If-None-Match", etag(get)));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(etag(revalidated)).isEqualTo(etag(get));
    }

    @Test
    void aWebJarKeepsItsYearAlsoWhenRevalidated() throws Exception {
        HttpResponse<String> chart = call("GET", CHART, Map.of());
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Cache-Control")).contains("max-age=31622400");
        assertThat(etag(chart)).isEqualTo(EntityTags.of(classPathFile("META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js")));
        HttpResponse<String> again = call("GET", CHART, Map.of("If-None-Match", etag(chart)));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("Cache-Control")).contains("max-age=31622400");
    }

    @Test
    void unknownOrUnsafePathsStayAJson404WhateverTheTagAsked() throws Exception {
        String tag = etag(call("GET", SCRIPT, Map.of()));
        for (String outside : List.of("/assets/nope.js", "/assets/js/", "/assets/%2e%2e/openapi.json", "/assets/js/..%2fmain.js",
                "/webjars/chart.js/4.4.1/dist", "/assets/js/main.js.class")) {
            for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("If-None-Match", "*"), Map.of("If-None-Match", tag))) {
                for (String method : List.of("GET", "HEAD")) {
                    HttpResponse<String> r = call(method, outside, headers);
                    assertThat(r.statusCode()).as(method + " " + outside + " " + headers).isEqualTo(404);
                    HttpHeaders h = r.headers();
                    assertThat(h.firstValue("ETag")).as(outside).isEmpty();
                    if (method.equals("GET")) {
                        assertThat(h.firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
                        assertThat(JSON.readTree(r.body()).path("code").asText()).as(outside).isEqualTo("endpoint.notFound");
                    }
                }
            }
        }
    }
}
