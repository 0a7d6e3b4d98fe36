package io.kanzen.server;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as far as the server can tell. The TCP peer is the truth, except when it is a reverse proxy the
 * administrator named in {@code KANZEN_TRUSTED_PROXIES}: then the last address that proxy appended to
 * {@code X-Forwarded-For} is the caller. Forwarding headers from anyone else are ignored, never believed.
 *
 * <p>A request that arrives from loopback but carries forwarding headers from an untrusted proxy is <em>not</em>
 * local: a proxy on the same host makes every visitor look like 127.0.0.1, and first-start setup must not be
 * handed to the whole network that way.
 */
final class ClientAddress {
    private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host");

    /** The caller's address and whether it is this machine, not reached through a proxy. */
    record Caller(String address, boolean local) {}

    private final Set<String> trustedProxies;

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientAddress::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code KANZEN_TRUSTED_PROXIES}: addresses separated by commas or spaces; empty trusts none. */
    static ClientAddress fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return new ClientAddress(Set.of());
        }
        return new ClientAddress(Arrays.stream(setting.split("[,\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet()));
    }

    Caller of(Context ctx) {
        String peer = canonical(ctx.req().getRemoteAddr());
        boolean forwarded = FORWARDING_HEADERS.stream().anyMatch(h -> ctx.header(h) != null);
        if (trustedProxies.contains(peer)) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff == null || xff.isBlank()) {
                return new Caller(peer, false); // a trusted proxy that does not say for whom: not local
            }
            String[] hops = xff.split(",");
            String client = canonical(hops[hops.length - 1].strip());
            return new Caller(client, isLoopback(client));
        }
        return new Caller(peer, isLoopback(peer) && !forwarded);
    }

    private static boolean isLoopback(String address) {
        if (address == null || !address.matches("[0-9A-Fa-f:.]+")) {
            return false; // only literal addresses: never a name lookup here
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String canonical(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.matches("[0-9A-Fa-f:.]+") && a.contains(":")) {
            try {
                return InetAddress.getByName(a).getHostAddress();
            } catch (UnknownHostException e) {
                return a;
            }
        }
        return a;
    }
}
