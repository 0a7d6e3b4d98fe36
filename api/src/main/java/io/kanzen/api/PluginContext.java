package io.kanzen.api;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Services the host lends a plugin instance. New services arrive as default methods so that older plugins
 * keep loading.
 */
public interface PluginContext {
    /** The host's clock: read it rather than the system's, so that tests and schedules agree. */
    Clock clock();

    /** The limiter for one peer, shared by every instance that names the same key (usually a host name). */
    RateLimiter rateLimiter(String key);

    /** A directory of this plugin instance's own, for caches and local indexes; it exists. */
    Path workDirectory();

    /** Secrets this instance keeps between runs (a session cookie, a token), encrypted by the host. */
    SecretStore secrets();

    /** The timeouts and User-Agent every HTTP client of the plugin must use (the test kit's hang contracts check it). */
    default HttpSettings http() {
        return HttpSettings.DEFAULT;
    }

    /** The host's parser: read release titles with it so that every source reads names as the library scanner does. */
    NameParser nameParser();

    /**
     * Fetches URLs that come from outside (release links, pasted links) under the host's outbound policy; see
     * {@link OutboundHttp}. A host that lends none refuses every URL.
     */
    default OutboundHttp outbound() {
        return (uri, headers, maxBytes) -> {
            throw new OutboundRefusedException("this host does not fetch outside URLs for plugins");
        };
    }
}
