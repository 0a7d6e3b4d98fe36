package com.example.kanzen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kanzen.api.LinkKind;
import io.kanzen.api.Release;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.testkit.TestPluginContext;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What this source does beyond the contract: the lines it reads, and how it asks. */
class LinesSourceTest {
    @Test
    void eachLineIsAReleaseReadByTheHostsParserAndTheKeyTravelsInAHeader() throws Exception {
        AtomicReference<String> key = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            key.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] body = ("One Piece - Tome 100 [FR] (CBZ)|magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\n"
                    + "Berserk v42 (Digital)|https://tracker.example/t/42.torrent\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        try {
            TestPluginContext context = TestPluginContext.create();
            List<Release> found = LinesContractTest.source("http://127.0.0.1:" + site.getAddress().getPort() + "/", context)
                    .search(SearchRequest.of("One Piece"));

            assertThat(query.get()).isEqualTo("q=One+Piece");
            assertThat(key.get()).isEqualTo("0123456789abcdef");
            assertThat(found).extracting(Release::linkKind).containsExactly(LinkKind.MAGNET, LinkKind.TORRENT_URL);
            assertThat(found.get(0).parsed().volume()).isEqualTo(VolumeRange.of(100));
            assertThat(found.get(0).parsed().language()).isEqualTo("fr");
            assertThat(context.acquiredInAll()).isEqualTo(1);
        } finally {
            site.stop(0);
        }
    }
}
