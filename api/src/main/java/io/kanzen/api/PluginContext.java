package io.kanzen.api;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Services the host lends a plugin instance. New services arrive as default methods so that older plugins
 * keep loading.
 */
public interface PluginContext {
    Clock clock();

    /** The limiter for one peer, shared by every instance that names the same key (usually a host name). */
    RateLimiter rateLimiter(String key);

    /** A directory of this plugin instance's own, for caches and local indexes; it exists. */
    Path workDirectory();

    SecretStore secrets();

    default HttpSettings http() {
        return HttpSettings.DEFAULT;
    }

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
