package io.kanzen.core.monitor;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.api.source.EditionInfo;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import io.kanzen.api.source.SourceFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hand-written peers for the monitor tests: a release source answering per title (releases are parsed by the host's
 * parser, as a real source does), a metadata source answering VF and VO counts, and a download client that keeps
 * what it is sent and reports states the test sets.
 */
final class FakePeers implements Plugin {
    final Map<String, List<String>> releasesByTitle = new ConcurrentHashMap<>();
    final Map<String, SeriesMetadata> metadataByTitle = new ConcurrentHashMap<>();
    final AtomicInteger searches = new AtomicInteger();
    /** Every search's query, in order. */
    final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger metadataAsked = new AtomicInteger();
    final AtomicInteger indexRefreshes = new AtomicInteger();
    volatile PluginException sourceFailure;
    final List<DownloadRequest> submitted = Collections.synchronizedList(new ArrayList<>());
    final Map<String, DownloadState> states = new ConcurrentHashMap<>();
    final Map<String, String> contentPaths = new ConcurrentHashMap<>();
    volatile Error crashOnSubmit;
    final List<String> removed = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Double> progress = new ConcurrentHashMap<>();
    /** Thrown by the client's status calls while set: a client that does not answer. */
    volatile PluginException statusFailure;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** A magnet whose hash is derived from the title, so the same release always has the same key. */
    static String magnet(String title) {
        return "magnet:?xt=urn:btih:" + String.format("%040x", new java.math.BigInteger(1, title.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .mod(java.math.BigInteger.TWO.pow(160)));
    }

    static SeriesMetadata metadata(String title, Integer vo, Integer vf, EditionInfo.VolumeDate nextVf) {
        return new SeriesMetadata(title, List.of(), "https://meta.example/" + title, new EditionInfo(vo, null, List.of(), null, null),
                new EditionInfo(vf, null, List.of(), null, nextVf), List.of(), List.of(), null);
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(factory("releases", Set.of(SourceCapability.SEARCH_RELEASES)), factory("meta", Set.of(SourceCapability.SERIES_METADATA)),
                SourceFactory.of("indexed", List.of(), (config, context) -> new io.kanzen.api.source.IndexedSource() {
                    @Override
                    public Set<SourceCapability> capabilities() {
                        return Set.of(SourceCapability.SEARCH_RELEASES);
                    }

                    @Override
                    public List<Release> search(SearchRequest request) {
                        return List.of();
                    }

                    @Override
                    public io.kanzen.api.source.IndexReport refreshIndex(java.util.function.Consumer<String> progress) {
                        indexRefreshes.incrementAndGet();
                        return new io.kanzen.api.source.IndexReport(1, 0, 0, 0);
                    }

                    @Override
                    public void checkConnection() {}
                }));
    }

    private SourceFactory factory(String kind, Set<SourceCapability> capabilities) {
        return new SourceFactory() {
            @Override
            public String name() {
                return kind;
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return List.of();
            }

            @Override
            public Source create(PluginConfig config, PluginContext context) {
                return new Source() {
                    @Override
                    public Set<SourceCapability> capabilities() {
                        return capabilities;
                    }

                    @Override
                    public List<Release> search(SearchRequest request) {
                        searches.incrementAndGet();
                        queries.add(request.query());
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
                    public Optional<SeriesMetadata> metadata(SeriesQuery query) {
                        metadataAsked.incrementAndGet();
                        return Optional.ofNullable(metadataByTitle.get(query.title()));
                    }

                    @Override
                    public void checkConnection() {}
                };
            }
        };
    }

    @Override
    public List<DownloadClientFactory> downloadClientFactories() {
        return List.of(new DownloadClientFactory() {
            @Override
            public String name() {
                return "client";
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return List.of();
            }

            @Override
            public DownloadClient create(PluginConfig config, PluginContext context) {
                return new DownloadClient() {
                    @Override
                    public Set<LinkKind> accepts() {
                        return Set.of(LinkKind.MAGNET, LinkKind.TORRENT_URL, LinkKind.ED2K);
                    }

                    @Override
                    public DownloadHandle submit(DownloadRequest request) {
                        if (crashOnSubmit != null) {
                            throw crashOnSubmit;
                        }
                        submitted.add(request);
                        String id = request.kind() == LinkKind.ED2K ? io.kanzen.api.Ed2kLink.parse(request.link()).hash()
                                : request.link().substring(request.link().indexOf("btih:") + 5);
                        states.putIfAbsent(id, DownloadState.DOWNLOADING);
                        return new DownloadHandle("client", id);
                    }

                    @Override
                    public DownloadStatus status(DownloadHandle handle) {
                        if (statusFailure != null) {
                            throw statusFailure;
                        }
                        DownloadState state = states.get(handle.id());
                        if (state == null) {
                            return DownloadStatus.missing(handle);
                        }
                        return new DownloadStatus(handle, state, state == DownloadState.COMPLETED ? 1 : progress.getOrDefault(handle.id(), 0.5), "x", 100,
                                contentPaths.get(handle.id()), state == DownloadState.FAILED ? "tracker error" : null);
                    }

                    @Override
                    public void remove(DownloadHandle handle, boolean deleteFiles) {
                        removed.add(handle.id() + (deleteFiles ? " with files" : ""));
                        states.remove(handle.id());
                    }

                    @Override
                    public void checkConnection() {
                        if (sourceFailure != null && sourceFailure.kind() == ErrorKind.AUTHENTICATION) {
                            throw sourceFailure;
                        }
                    }
                };
            }
        });
    }
}
