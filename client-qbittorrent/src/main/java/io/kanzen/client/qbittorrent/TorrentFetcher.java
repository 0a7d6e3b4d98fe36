package io.kanzen.client.qbittorrent;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Fetches a torrent URL on Kanzen's side, because the client often cannot: a Prowlarr proxy link may be reachable
 * only from Kanzen, and may answer with a redirect to a {@code magnet:} that no HTTP client follows.
 */
final class TorrentFetcher {
    /** What a torrent URL leads to: a magnet, or the bytes of a .torrent file. */
    record Fetched(String magnet, byte[] torrent) {}

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_TORRENT_BYTES = 10 * 1024 * 1024;

    private final PluginContext context;
    private final HttpClient client;

    TorrentFetcher(PluginContext context) {
        HttpSettings http = context.http();
        this.context = context;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Fetched fetch(String url) {
        URI uri = URI.create(url.strip());
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            context.rateLimiter(uri.getHost() == null ? "torrent-url" : uri.getHost()).acquire();
            HttpResponse<byte[]> r = send(uri);
            int status = r.statusCode();
            if (status >= 300 && status < 400) {
                String location = r.headers().firstValue("Location").orElseThrow(() -> new PluginException(ErrorKind.BAD_RESPONSE,
                        "the torrent URL redirects without saying where (HTTP " + status + ")"));
                if (location.toLowerCase(Locale.ROOT).startsWith("magnet:")) {
                    return new Fetched(location, null);
                }
                uri = uri.resolve(location);
                continue;
            }
            if (status == 401 || status == 403) {
                throw new PluginException(ErrorKind.AUTHENTICATION, "the torrent URL refused Kanzen (HTTP " + status + "): check the indexer's key");
            }
            if (status == 429) {
                throw PluginException.rateLimited("the torrent URL asks Kanzen to slow down (HTTP 429)", null);
            }
            if (status >= 500) {
                throw new PluginException(ErrorKind.UNAVAILABLE, "the torrent URL failed on its side (HTTP " + status + ")");
            }
            if (status != 200) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "the torrent URL answered HTTP " + status);
            }
            byte[] body = r.body();
            if (body.length == 0 || body[0] != 'd' || body.length > MAX_TORRENT_BYTES) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "the torrent URL did not answer a .torrent file");
            }
            return new Fetched(null, body);
        }
        throw new PluginException(ErrorKind.BAD_RESPONSE, "the torrent URL redirects more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<byte[]> send(URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(context.http().readTimeout())
                    .header("User-Agent", context.http().userAgent()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "cannot fetch the torrent URL from " + uri.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while fetching a torrent", e);
        }
    }
}
