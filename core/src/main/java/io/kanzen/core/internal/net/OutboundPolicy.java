package io.kanzen.core.internal.net;

import io.kanzen.api.OutboundRefusedException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where Kanzen may fetch a URL that came from outside (a release's torrent link, a pasted link): a public
 * address, or the address and port of a source or download client the user configured. Everything else on this
 * machine or the LAN (a router's page, another service, a cloud metadata address) is refused before any
 * connection, so a crafted link cannot make Kanzen probe or call it.
 */
public final class OutboundPolicy {
    /** A configured peer: a host (name or literal) and port the user entered in a source's or client's settings. */
    public record Peer(String host, int port) {
        public Peer {
            host = bare(host).toLowerCase(Locale.ROOT);
        }
    }

    /** Resolves a name (replaced in tests). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL found allowed, with the addresses to connect to: the only ones the connection may use. */
    public record Allowed(URI uri, String host, int port, List<InetAddress> addresses) {}

    private final Supplier<Collection<Peer>> peers;
    private final Resolver resolver;

    public OutboundPolicy(Supplier<Collection<Peer>> peers, Resolver resolver) {
        this.peers = peers;
        this.resolver = resolver;
    }

    /**
     * Checks {@code uri}, resolving its host once.
     *
     * @throws OutboundRefusedException saying why, before anything is sent
     */
    public Allowed check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("Kanzen fetches only http and https URLs, not '" + scheme + ":'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new OutboundRefusedException("the URL has no host");
        }
        host = bare(host);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new io.kanzen.api.PluginException(io.kanzen.api.ErrorKind.UNAVAILABLE, "the host " + host + " is unknown (DNS)", e);
        }
        List<InetAddress> addresses = Arrays.asList(resolved);
        if (!addresses.isEmpty() && addresses.stream().allMatch(OutboundPolicy::isPublic)) {
            return new Allowed(uri, host, port, addresses);
        }
        if (isConfiguredPeer(host, port, addresses)) {
            return new Allowed(uri, host, port, addresses);
        }
        InetAddress first = addresses.stream().filter(a -> !isPublic(a)).findFirst().orElse(null);
        throw new OutboundRefusedException("Kanzen does not fetch " + host + ":" + port + ": it is a private or local address"
                + (first == null ? "" : " (" + first.getHostAddress() + ")") + " and not a configured source or download client");
    }

    private boolean isConfiguredPeer(String host, int port, List<InetAddress> addresses) {
        for (Peer p : peers.get()) {
            if (p.port() != port) {
                continue;
            }
            if (p.host().equals(host.toLowerCase(Locale.ROOT))) {
                return true;
            }
            try {
                // localhost and 127.0.0.1, or a name and its LAN address, are one peer
                List<InetAddress> theirs = Arrays.asList(resolver.resolve(p.host()));
                if (!theirs.isEmpty() && theirs.containsAll(addresses)) {
                    return true;
                }
            } catch (UnknownHostException ignored) {
                // a configured peer that no longer resolves matches nothing
            }
        }
        return false;
    }

    /** Whether {@code a} is on the public internet: not loopback, private, link-local, shared, reserved or multicast. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32, documentation
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d and ::ffff:a.b.c.d carry an IPv4 address
            }
            if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96, NAT64 of an IPv4 address
            }
            return first != 0; // ::/8 is reserved
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int o1 = b[0] & 0xff;
        int o2 = b[1] & 0xff;
        int o3 = b[2] & 0xff;
        return !(o1 == 0 || o1 == 10 || o1 == 127 || o1 >= 224 // this network, private, loopback, multicast and reserved
                || (o1 == 100 && o2 >= 64 && o2 <= 127) // shared address space (CGNAT)
                || (o1 == 169 && o2 == 254) // link-local, cloud metadata
                || (o1 == 172 && o2 >= 16 && o2 <= 31) || (o1 == 192 && o2 == 168)
                || (o1 == 192 && o2 == 0 && (o3 == 0 || o3 == 2)) // IETF protocol assignments, documentation
                || (o1 == 198 && (o2 == 18 || o2 == 19)) // benchmarking
                || (o1 == 198 && o2 == 51 && o3 == 100) || (o1 == 203 && o2 == 0 && o3 == 113)); // documentation
    }

    /** The peers named by settings: every http(s) URL value, and a {@code host} with its {@code port}. */
    public static List<Peer> peersOf(java.util.Map<String, String> settings) {
        List<Peer> out = new ArrayList<>();
        settings.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            String t = v.strip();
            if (t.regionMatches(true, 0, "http://", 0, 7) || t.regionMatches(true, 0, "https://", 0, 8)) {
                try {
                    URI u = URI.create(t);
                    if (u.getHost() != null) {
                        out.add(new Peer(u.getHost(), u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80));
                    }
                } catch (IllegalArgumentException ignored) {
                    // not a URL after all
                }
            }
        });
        String host = settings.get("host");
        String port = settings.get("port");
        if (host != null && !host.isBlank() && port != null && port.strip().matches("\\d{1,5}")) {
            out.add(new Peer(host.strip(), Integer.parseInt(port.strip())));
        }
        return out;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
