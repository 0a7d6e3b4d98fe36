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
import io.kanzen.api.client.DownloadClient;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import io.kanzen.api.source.SourceFactory;
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
