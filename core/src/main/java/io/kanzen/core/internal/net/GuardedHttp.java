package io.kanzen.core.internal.net;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.HttpSettings;
import io.kanzen.api.OutboundHttp;
import io.kanzen.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;

/**
 * {@link OutboundHttp} under an {@link OutboundPolicy}: each call checks its URL, resolving the name once, and
 * OkHttp is handed those very addresses through its {@link Dns} hook (an IP literal is not resolved at all), so
 * the connection goes where the check looked. No redirect is followed and no proxy is used.
 */
public final class GuardedHttp implements OutboundHttp {
    private final OutboundPolicy policy;
    private final HttpSettings settings;
    /** Made at the first call: building it loads the JDK's TLS stack and trust store, a fifth of a short command's start. */
    private volatile OkHttpClient base;

    public GuardedHttp(OutboundPolicy policy, HttpSettings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    private OkHttpClient base() {
        OkHttpClient b = base;
        if (b == null) {
            synchronized (this) {
                b = base;
                if (b == null) {
                    b = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).proxy(Proxy.NO_PROXY)
                            .connectTimeout(settings.connectTimeout()).readTimeout(settings.readTimeout())
                            .callTimeout(settings.readTimeout().plus(settings.connectTimeout())).retryOnConnectionFailure(false).build();
                    base = b;
                }
            }
        }
        return b;
    }

    @Override
    public Response get(URI uri, Map<String, String> headers, long maxBytes) {
        OutboundPolicy.Allowed allowed = policy.check(uri);
        Dns pinned = name -> {
            if (!name.equalsIgnoreCase(allowed.host())) {
                throw new UnknownHostException("only " + allowed.host() + " was checked"); // never resolve anything else
            }
            return allowed.addresses();
        };
        OkHttpClient client = base().newBuilder().dns(pinned).build();
        Request.Builder request = new Request.Builder().url(uri.toString()).get().header("User-Agent", settings.userAgent());
        headers.forEach(request::header);
        try (okhttp3.Response r = client.newCall(request.build()).execute()) {
            Map<String, List<String>> names = new LinkedHashMap<>();
            for (String name : r.headers().names()) {
                names.put(name.toLowerCase(Locale.ROOT), r.headers(name));
            }
            return new Response(uri, r.code(), names, read(r.body(), maxBytes, allowed.host()));
        } catch (IOException e) {
            throw new PluginException(ErrorKind.UNAVAILABLE, "cannot fetch from " + allowed.host() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(ResponseBody body, long maxBytes, String host) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PluginException(ErrorKind.BAD_RESPONSE, host + " answered more than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /** The default resolver: the system's. */
    public static InetAddress[] systemResolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
