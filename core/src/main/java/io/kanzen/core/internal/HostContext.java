package io.kanzen.core.internal;

import io.kanzen.api.NameParser;
import io.kanzen.api.OutboundHttp;
import io.kanzen.api.PluginContext;
import io.kanzen.api.RateLimiter;
import io.kanzen.api.SecretStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/** The services the host lends one plugin instance. */
public record HostContext(
        Clock clock, Function<String, RateLimiter> limiters, Path workDirectory, SecretStore secrets, NameParser nameParser, OutboundHttp outbound)
        implements PluginContext {

    @Override
    public RateLimiter rateLimiter(String key) {
        return limiters.apply(key);
    }
}
