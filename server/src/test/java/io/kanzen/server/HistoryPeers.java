package io.kanzen.server;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.core.Grab;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.MonitorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-written peers that make a real history for the history and statistics tests: a release source ({@code
 * releases}) answering per title, and a download client ({@code client}) that refuses links named {@code &dn=refused} and
 * reports the states a test sets, with the files where the test put them. Plus a clock the test moves.
 */
public final class HistoryPeers implements Plugin {
    /** Release titles the source answers, per searched title. */
    public final Map<String, List<String>> releasesByTitle = new ConcurrentHashMap<>();
    /** The client's downloads by hash: a test moves them to COMPLETED or FAILED. */
    public final Map<String, DownloadState> states = new ConcurrentHashMap<>();
    public final Map<String, String> contentPaths = new ConcurrentHashMap<>();
    /** While set, the source's searches fail with it. */
    public volatile PluginException sourceFailure;

    @Override
    public String name() {
        return "history-peers";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** A magnet whose hash is derived from the title. */
    public static String magnet(String title) {
        return "magnet:?xt=urn:btih:" + String.format("%040x", new java.math.BigInteger(1, title.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .mod(java.math.BigInteger.TWO.pow(160)));
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(SourceFactory.of("releases", List.of(), (config, context) -> new Source() {
            @Override
            public Set<SourceCapability> capabilities() {
                return Set.of(SourceCapability.SEARCH_RELEASES);
            }

            @Override
            public List<Release> search(SearchRequest request) {
                if (sourceFailure != null) {
                    throw sourceFailure;
                }
                List<Release> out = new ArrayList<>();
                for (String t : releasesByTitle.getOrDefault(request.query(), List.of())) {
                    out.add(new Release("releases", t, magnet(t), LinkKind.MAGNET, 50_000_000, 10, 1, null, null, null, "fake", "torrent",
                            context.nameParser().parse(t)));
                }
                return out;
            }

            @Override
            public void checkConnection() {}
        }));
    }

    @Override
    public List<DownloadClientFactory> downloadClientFactories() {
        return List.of(DownloadClientFactory.of("client", List.of(), (config, context) -> new DownloadClient() {
            @Override
            public Set<LinkKind> accepts() {
                return Set.of(LinkKind.MAGNET);
            }

            @Override
            public DownloadHandle submit(DownloadRequest request) {
                if (request.link().contains("&dn=refused")) {
                    throw new PluginException(ErrorKind.BAD_RESPONSE, "the client refused the link");
                }
                String id = request.link().replaceAll(".*btih:([0-9a-f]+).*", "$1");
                states.putIfAbsent(id, DownloadState.DOWNLOADING);
                return new DownloadHandle("client", id);
            }

            @Override
            public DownloadStatus status(DownloadHandle handle) {
                DownloadState state = states.get(handle.id());
                if (state == null) {
                    return DownloadStatus.missing(handle);
                }
                return new DownloadStatus(handle, state, state == DownloadState.COMPLETED ? 1 : 0.5, "x", 100, contentPaths.get(handle.id()),
                        state == DownloadState.FAILED ? "tracker error" : null);
            }

            @Override
            public void remove(DownloadHandle handle, boolean deleteFiles) {
                states.remove(handle.id());
            }

            @Override
            public void checkConnection() {}
        }));
    }

    /**
     * A library (One Piece 1, 2, 4; Berserk 2) and three days of history with these peers: on 2026-11-20 a check sends
     * Berserk 1 (source releases); on the 21st One Piece 3 is sent by hand and One Piece 5 refused by the client; on the
     * 22nd One Piece 3 is imported and Berserk 1 fails. The clock is left at 2026-11-23 12:00 UTC.
     *
     * @return the volumes missing before the import
     */
    public int makeHistory(Kanzen kanzen, MovableClock clock, Path tmp) throws Exception {
        Path root = tmp.resolve("manga");
        for (String f : List.of("One Piece/One Piece T01.cbz", "One Piece/One Piece T02.cbz", "One Piece/One Piece T04.cbz", "Berserk/Berserk T02.cbz")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.write(root.resolve(f), new byte[] {1});
        }
        kanzen.addLibrary("Manga", root);
        kanzen.scan(null);
        int missing = kanzen.stats().volumesMissing();
        kanzen.saveSource("releases", "releases", Map.of());
        kanzen.saveClient("client", "client", Map.of());
        kanzen.saveMonitorConfig(MonitorConfig.DEFAULTS.withAutoDownload(true));

        clock.set(Instant.parse("2026-11-20T11:00:00Z"));
        releasesByTitle.put("Berserk", List.of("Berserk Tome 01 FR"));
        kanzen.check(false, "Berserk");
        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
        Grab op3 = kanzen.grab("client", magnet("op 3"), "One Piece", VolumeRange.of(3), false);
        clock.set(Instant.parse("2026-11-21T13:00:00Z"));
        try {
            kanzen.grab("client", magnet("op 5") + "&dn=refused", "One Piece", VolumeRange.of(5), false);
        } catch (KanzenException expected) {
            // recorded in the history as a failure
        }
        clock.set(Instant.parse("2026-11-22T09:00:00Z"));
        Path file = Files.createDirectories(tmp.resolve("downloads")).resolve("One Piece - Tome 03.cbz");
        Files.write(file, new byte[] {3});
        contentPaths.put(op3.handle(), file.toString());
        states.put(op3.handle(), DownloadState.COMPLETED);
        states.replaceAll((hash, state) -> hash.equals(op3.handle()) ? state : DownloadState.FAILED);
        kanzen.trackDownloads();
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        return missing;
    }

    /** A clock a test moves by hand. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant at) {
            now = at;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
