package io.kanzen.client.qbittorrent;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.OutboundHttp;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a torrent URL on Kanzen's side, because the client often cannot: a Prowlarr proxy link may be reachable
 * only from Kanzen, and may answer with a redirect to a {@code magnet:} that no HTTP client follows. The URL comes
 * from outside (a release, a pasted link), so it goes through the host's {@link OutboundHttp}: every hop, the
 * first and each redirect, is checked by the host's policy before anything is sent.
 */
final class TorrentFetcher {
    /** What a torrent URL leads to: a magnet, or the bytes of a .torrent file. */
    record Fetched(String magnet, byte[] torrent) {}

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_TORRENT_BYTES = 10 * 1024 * 1024;

    private final PluginContext context;

    TorrentFetcher(PluginContext context) {
        this.context = context;
    }

    Fetched fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new PluginException(ErrorKind.CONFIGURATION, "the torrent URL is not a valid URL", e);
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            context.rateLimiter(uri.getHost() == null ? "torrent-url" : uri.getHost()).acquire();
            OutboundHttp.Response r = context.outbound().get(uri, Map.of(), MAX_TORRENT_BYTES);
            int status = r.status();
            if (status >= 300 && status < 400) {
                String location = r.header("Location").orElseThrow(() -> new PluginException(ErrorKind.BAD_RESPONSE,
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
            if (body.length == 0 || body[0] != 'd') {
                throw new PluginException(ErrorKind.BAD_RESPONSE, "the torrent URL did not answer a .torrent file");
            }
            return new Fetched(null, body);
        }
        throw new PluginException(ErrorKind.BAD_RESPONSE, "the torrent URL redirects more than " + MAX_REDIRECTS + " times");
    }
}
