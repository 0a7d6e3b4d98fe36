package io.kanzen.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How downloads are followed and imported, part of the monitor settings ({@code "downloads": {...}}). Every field
 * may be left out of the file: it then takes its default.
 *
 * @param pollInterval  how often the clients of active downloads are asked, whatever the check interval:
 *                      {@code 30s} by default, at least 5 s
 * @param stallTimeout  a download without progress for this long is given up, blocklisted and searched again
 *                      ({@code 24h} by default, at least 10 minutes)
 * @param naming        the name of an imported file: null to name it like the series' files already there (the
 *                      download's own name when there are none), or a pattern with {@code {Series}} and
 *                      {@code {vol}} / {@code {vol:00}} / {@code {vol:000}}, such as {@code {Series} - Tome {vol:00}}
 * @param clients       per download client (by its name), what happens after import and how its paths map here
 */
public record DownloadSettings(String pollInterval, String stallTimeout, String naming, Map<String, ClientImport> clients) {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)");

    public static final DownloadSettings DEFAULTS = new DownloadSettings(null, null, null, null);

    public DownloadSettings {
        pollInterval = pollInterval == null || pollInterval.isBlank() ? "30s" : pollInterval.strip();
        stallTimeout = stallTimeout == null || stallTimeout.isBlank() ? "24h" : stallTimeout.strip();
        if (duration("pollInterval", pollInterval).compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("pollInterval is at least 5s");
        }
        if (duration("stallTimeout", stallTimeout).compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("stallTimeout is at least 10m");
        }
        naming = naming == null || naming.isBlank() ? null : naming.strip();
        if (naming != null && !naming.contains("{vol")) {
            throw new IllegalArgumentException("naming must contain {vol} (or {vol:00}): two volumes would get the same name");
        }
        if (naming != null && (naming.contains("/") || naming.contains("\\"))) {
            throw new IllegalArgumentException("naming is a file name, without / or \\");
        }
        clients = clients == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(clients));
    }

    public Duration poll() {
        return duration("pollInterval", pollInterval);
    }

    public Duration stall() {
        return duration("stallTimeout", stallTimeout);
    }

    /** The settings of one client, by name (case aside), or the defaults. */
    public ClientImport client(String name) {
        for (Map.Entry<String, ClientImport> e : clients.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return ClientImport.DEFAULTS;
    }

    static Duration duration(String field, String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(field + " is a number and a unit, such as 30s, 10m, 24h or 2d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).charAt(0)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** What happens to a download once its volumes are in the library. */
    public enum AfterImport {
        /** The files are hard-linked (copied across file systems) and the download stays: it keeps seeding. */
        SEED,
        /** The files are moved into the library and the client forgets the download (its files are gone). */
        MOVE,
        /** The files are hard-linked or copied, then the client removes the download and deletes its files. */
        REMOVE
    }

    /**
     * One client's import settings.
     *
     * @param afterImport  {@code SEED} (default), {@code MOVE} or {@code REMOVE}
     * @param pathMappings the client's paths and where Kanzen sees them (a client in a container or on another
     *                     machine says {@code /downloads/x}; Kanzen reads {@code /mnt/seedbox/x})
     */
    public record ClientImport(AfterImport afterImport, List<PathMapping> pathMappings) {
        public static final ClientImport DEFAULTS = new ClientImport(null, null);

        public ClientImport {
            afterImport = afterImport == null ? AfterImport.SEED : afterImport;
            pathMappings = pathMappings == null ? List.of() : List.copyOf(pathMappings);
        }

        /** The path as Kanzen sees it: the longest matching client prefix replaced, or the path unchanged. */
        public String local(String clientPath) {
            PathMapping best = null;
            for (PathMapping m : pathMappings) {
                if (m.matches(clientPath) && (best == null || m.remote().length() > best.remote().length())) {
                    best = m;
                }
            }
            return best == null ? clientPath : best.apply(clientPath);
        }
    }

    /** A client path prefix and the local one it stands for. */
    public record PathMapping(String remote, String local) {
        public PathMapping {
            if (remote == null || remote.isBlank() || local == null || local.isBlank()) {
                throw new IllegalArgumentException("a path mapping has a remote (the client's) and a local path");
            }
            remote = trimSlash(remote.strip());
            local = trimSlash(local.strip());
        }

        boolean matches(String path) {
            String p = path.replace('\\', '/');
            return p.equals(remote) || p.startsWith(remote + "/") || remote.isEmpty();
        }

        String apply(String path) {
            String p = path.replace('\\', '/');
            return local + p.substring(remote.length());
        }

        private static String trimSlash(String s) {
            String t = s.replace('\\', '/');
            while (t.length() > 1 && t.endsWith("/")) {
                t = t.substring(0, t.length() - 1);
            }
            return t.equals("/") ? "" : t;
        }
    }
}
