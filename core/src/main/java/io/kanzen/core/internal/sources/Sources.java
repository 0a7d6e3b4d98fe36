package io.kanzen.core.internal.sources;

import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SettingChoices;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.source.IndexReport;
import io.kanzen.api.source.IndexedSource;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import io.kanzen.api.source.SourceFactory;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.KanzenException;
import io.kanzen.core.PluginCall;
import io.kanzen.core.SearchResults;
import io.kanzen.core.internal.instances.InstanceStore;
import io.kanzen.core.internal.instances.Instances;
import io.kanzen.core.internal.plugins.PluginSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The configured sources, and searches across them. */
public final class Sources implements AutoCloseable {
    private final Instances<Source> instances;

    public Sources(InstanceStore store, PluginSet plugins, Function<String, PluginContext> contexts, Clock clock) {
        this.instances = new Instances<>("source", store, kind -> plugins.sourceFactory(kind).map(Sources::kind),
                () -> plugins.sourceFactories().keySet(), contexts, clock);
    }

    private static Instances.Kind<Source> kind(SourceFactory f) {
        return Instances.Kind.of(f.name(), f.configProperties(), f::create);
    }

    public ConfiguredInstance save(String name, String kind, Map<String, String> settings) {
        return instances.save(name, kind, settings);
    }

    public List<ConfiguredInstance> list() {
        return instances.list();
    }

    public void remove(String name) {
        instances.remove(name);
    }

    public Map<PluginCall, Duration> deadlines(String name) {
        return instances.deadlines(name);
    }

    public void setDeadline(String name, PluginCall call, Duration deadline) {
        instances.setDeadline(name, call, deadline);
    }

    public void test(String name) {
        try {
            instances.call(name, PluginCall.TEST, s -> {
                s.checkConnection();
                return null;
            });
        } catch (PluginException e) {
            throw KanzenException.plugin(name, e);
        }
    }

    /**
     * Searches one source, or every source that searches releases, for a series. With a volume, releases whose
     * title covers it come first; then more seeders, then newer.
     */
    public SearchResults search(String title, VolumeRange volume, String sourceName) {
        SearchRequest request;
        try {
            request = new SearchRequest(title, volume, 100);
        } catch (IllegalArgumentException e) {
            throw new KanzenException(e.getMessage(), e);
        }
        List<String> names = sourceName != null ? List.of(instances.canonicalName(sourceName)) : instances.names();
        List<Release> found = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        List<io.kanzen.core.Problem> typed = new ArrayList<>();
        for (String name : names) {
            // one source failing in any way (an exception, a hang, a broken constructor) never hides the others
            try {
                if (!capabilities(name).contains(SourceCapability.SEARCH_RELEASES)) {
                    if (sourceName != null) {
                        throw new KanzenException("source.noSearch", KanzenException.pairs("name", name), name + " does not search releases");
                    }
                    continue;
                }
                found.addAll(searchOne(name, request));
            } catch (PluginException e) {
                problems.put(name, e.getMessage());
                typed.add(io.kanzen.core.Problem.of(KanzenException.pluginCode(e), name + ": " + e.getMessage(), "name", name,
                        "detail", e.getMessage()));
            }
        }
        if (names.isEmpty()) {
            throw new KanzenException("source.none", KanzenException.pairs(), "no source is set up: add one (kanzen sources add)");
        }
        found.sort(order(volume));
        return new SearchResults(found, problems, typed);
    }

    /**
     * What the metadata source (the one named, or the first set up) knows of a series; a pinned page is read
     * directly. Failures are thrown: there is no other answer to fall back on.
     */
    public Optional<SeriesMetadata> metadata(String title, String pinnedUrl, String sourceName) {
        SeriesQuery query;
        try {
            query = new SeriesQuery(title, pinnedUrl);
        } catch (IllegalArgumentException e) {
            throw new KanzenException(e.getMessage(), e);
        }
        List<String> names = sourceName != null ? List.of(instances.canonicalName(sourceName)) : instances.names();
        for (String name : names) {
            try {
                if (capabilities(name).contains(SourceCapability.SERIES_METADATA)) {
                    return metadataOne(name, query);
                }
            } catch (PluginException e) {
                throw KanzenException.plugin(name, e);
            }
        }
        throw new KanzenException("source.noMetadata", KanzenException.pairs("name", sourceName), sourceName != null ? sourceName + " has no series metadata"
                : "no metadata source is set up: add one (kanzen sources add nautiljon)");
    }

    /**
     * Refreshes the local index of an indexed source (the one named, or the first set up): for EBDZ, a crawl of
     * its forums. What was indexed before a failure stays.
     */
    public IndexReport refreshIndex(String sourceName, Consumer<String> progress) {
        List<String> names = sourceName != null ? List.of(instances.canonicalName(sourceName)) : instances.names();
        for (String name : names) {
            try {
                if (isIndexed(name)) {
                    return refreshOne(name, progress);
                }
            } catch (PluginException e) {
                throw KanzenException.plugin(name, e);
            }
        }
        throw new KanzenException("source.noIndex", KanzenException.pairs("name", sourceName), sourceName != null ? sourceName + " has no local index to refresh"
                : "no source with a local index is set up: add one (kanzen sources add ebdz ...)");
    }

    /** The values the source's peer offers for a setting (Prowlarr: indexers, categories); empty when none. */
    public List<SettingChoices.Choice> choices(String name, String settingKey) {
        try {
            return instances.call(name, PluginCall.TEST, s -> s instanceof SettingChoices offering ? offering.choices(settingKey)
                    : List.<SettingChoices.Choice>of());
        } catch (PluginException e) {
            throw KanzenException.plugin(name, e);
        }
    }

    /**
     * The configured sources that search releases, in name order. One whose capabilities cannot be read is kept:
     * its search will fail and be recorded, rather than the source silently left out.
     */
    public List<String> releaseSourceNames() {
        return instances.names().stream().filter(n -> has(n, SourceCapability.SEARCH_RELEASES, true)).toList();
    }

    /** The configured sources that keep a local index (EBDZ). */
    public List<String> indexedSourceNames() {
        return instances.names().stream().filter(n -> {
            try {
                return isIndexed(n);
            } catch (PluginException e) {
                return false; // a source that cannot even be made is reported by its searches
            }
        }).toList();
    }

    /** One indexed source's refresh; its failure is thrown, for the caller's backoff. */
    public IndexReport refreshOne(String name, Consumer<String> progress) {
        return instances.call(name, PluginCall.INDEX_REFRESH, s -> ((IndexedSource) s).refreshIndex(progress));
    }

    /** The first configured source with series metadata, if any. */
    public Optional<String> metadataSourceName() {
        return instances.names().stream().filter(n -> has(n, SourceCapability.SERIES_METADATA, false)).findFirst();
    }

    /** One source's search; its failure (any, including no answer in time) is thrown, for the caller's backoff. */
    public List<Release> searchOne(String name, SearchRequest request) {
        return instances.call(name, PluginCall.SEARCH, s -> List.copyOf(s.search(request)));
    }

    /** One source's metadata; its failure is thrown. */
    public Optional<SeriesMetadata> metadataOne(String name, SeriesQuery query) {
        return instances.call(name, PluginCall.METADATA, s -> s.metadata(query));
    }

    private java.util.Set<SourceCapability> capabilities(String name) {
        return instances.call(name, PluginCall.TEST, s -> java.util.Set.copyOf(s.capabilities()));
    }

    private boolean isIndexed(String name) {
        return instances.call(name, PluginCall.TEST, s -> s instanceof IndexedSource);
    }

    private boolean has(String name, SourceCapability capability, boolean whenUnknown) {
        try {
            return capabilities(name).contains(capability);
        } catch (PluginException e) {
            return whenUnknown;
        }
    }

    static Comparator<Release> order(VolumeRange wanted) {
        Comparator<Release> byVolume = Comparator.comparing(r -> wanted == null || r.parsed().volume() == null
                || !r.parsed().volume().contains(wanted.from()) ? 1 : 0);
        return byVolume
                .thenComparing(r -> r.seeders() == null ? -1 : r.seeders(), Comparator.reverseOrder())
                .thenComparing(r -> r.publishDate() == null ? Instant.EPOCH : r.publishDate(), Comparator.reverseOrder());
    }

    @Override
    public void close() {
        instances.close();
    }
}
