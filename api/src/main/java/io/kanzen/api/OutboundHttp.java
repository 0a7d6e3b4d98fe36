package io.kanzen.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The host's way out to URLs that come from outside (a release's torrent link, a link the user pasted): one GET,
 * with the host's policy applied. The host lets a URL through only when it leads to a public address, or to a
 * source or download client the user configured (Prowlarr on this machine or the LAN); it resolves the name once
 * and connects to the very address it checked, so a DNS answer that changes in between cannot lead elsewhere.
 *
 * <p>Redirects are <em>not</em> followed: a plugin that follows one calls {@link #get} again with the new URL, so
 * every hop is checked. Plugins use this rather than their own HTTP client for any URL they did not get from
 * their own settings.
 */
public interface OutboundHttp {
    /**
     * Fetches {@code uri}.
     *
     * @param headers  request headers to add (the host sets its own User-Agent)
     * @param maxBytes the largest body accepted; a longer one fails with {@link ErrorKind#BAD_RESPONSE}
     * @throws OutboundRefusedException when the policy refuses the URL: no connection was made
     * @throws PluginException          {@link ErrorKind#UNAVAILABLE} when the peer cannot be reached
     */
    Response get(URI uri, Map<String, String> headers, long maxBytes);

    /** What one hop answered. Header names are lower case. */
    record Response(URI uri, int status, Map<String, List<String>> headers, byte[] body) {
        public Response {
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }

        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && header("location").isPresent();
        }
    }
}
