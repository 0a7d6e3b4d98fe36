package io.kanzen.core.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.OutboundHttp;
import io.kanzen.api.OutboundRefusedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedHttpTest {
    private HttpServer peer;
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "d4:infoe".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/next");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/redirect") ? 302 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stop() {
        peer.stop(0);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void onlyPublicAddressesArePublic() {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1",
                "2001:db8::1", "198.18.0.1")) {
            assertThat(OutboundPolicy.isPublic(ip(a))).as(a).isFalse();
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "64:ff9b::808:808")) {
            assertThat(OutboundPolicy.isPublic(ip(a))).as(a).isTrue();
        }
    }

    @Test
    void theConnectionGoesToTheAddressCheckedAndTheNameIsResolvedOnce() {
        int port = peer.getAddress().getPort();
        AtomicInteger lookups = new AtomicInteger();
        // a name no real DNS knows: answered once with loopback, then (a rebinding attempt) with something else
        OutboundPolicy policy = new OutboundPolicy(() -> List.of(new OutboundPolicy.Peer("indexer.test", port)), host -> {
            if (!host.equals("indexer.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {lookups.getAndIncrement() == 0 ? InetAddress.getLoopbackAddress() : ip("10.9.9.9")};
        });
        OutboundHttp http = new GuardedHttp(policy, HttpSettings.DEFAULT);

        OutboundHttp.Response r = http.get(URI.create("http://indexer.test:" + port + "/file.torrent"), Map.of(), 1000);

        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("d4:infoe");
        assertThat(served).hasValue(1);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aConfiguredPeerIsAllowedOnlyOnItsOwnPortAndRedirectsAreNotFollowed() {
        int port = peer.getAddress().getPort();
        OutboundPolicy policy = new OutboundPolicy(() -> List.of(new OutboundPolicy.Peer("localhost", port)), GuardedHttp::systemResolve);
        OutboundHttp http = new GuardedHttp(policy, HttpSettings.DEFAULT);

        OutboundHttp.Response r = http.get(URI.create("http://127.0.0.1:" + port + "/redirect"), Map.of(), 1000);
        assertThat(r.status()).isEqualTo(302); // handed back, for the caller to check the next hop
        assertThat(r.header("Location")).contains("http://127.0.0.1:1/next");

        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:1/next"), Map.of(), 1000)).isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThatThrownBy(() -> http.get(URI.create("file:///etc/passwd"), Map.of(), 1000)).isInstanceOf(OutboundRefusedException.class);
        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port + "/big"), Map.of(), 3)).hasMessageContaining("more than 3 bytes");
        assertThat(served).hasValue(2);
    }

    @Test
    void theAddressesOfConfiguredPeersAreReadFromTheirSettings() {
        assertThat(OutboundPolicy.peersOf(Map.of("url", "http://192.168.1.5:9696/", "apiKey", "****")))
                .containsExactly(new OutboundPolicy.Peer("192.168.1.5", 9696));
        assertThat(OutboundPolicy.peersOf(Map.of("host", "NAS.local", "port", "4712"))).containsExactly(new OutboundPolicy.Peer("nas.local", 4712));
        assertThat(OutboundPolicy.peersOf(Map.of("url", "https://ebdz.net/forum/"))).containsExactly(new OutboundPolicy.Peer("ebdz.net", 443));
    }
}
