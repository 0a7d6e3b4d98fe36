package io.kanzen.core.internal.clients;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.core.ConfiguredClient;
import io.kanzen.core.Download;
import io.kanzen.core.Grab;
import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.plugins.PluginSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The configured download clients: settings checked against the plugin's properties, instances made on first use
 * and kept, grabs recorded before they are sent, and live status for the downloads view.
 */
public final class DownloadClients implements AutoCloseable {
    /** API keys ride in Prowlarr download links ({@code apikey=...}); they are masked before the link is stored. */
    private static final Pattern API_KEY = Pattern.compile("(?i)([?&](?:apikey|api_key|passkey|token)=)[^&]+");

    private final ClientStore store;
    private final GrabStore grabs;
    private final PluginSet plugins;
    private final Function<String, PluginContext> contexts;
    private final Clock clock;
    private final Map<String, DownloadClient> instances = new ConcurrentHashMap<>();

    public DownloadClients(ClientStore store, GrabStore grabs, PluginSet plugins, Function<String, PluginContext> contexts, Clock clock) {
        this.store = store;
        this.grabs = grabs;
        this.plugins = plugins;
        this.contexts = contexts;
        this.clock = clock;
    }

    /**
     * Adds or changes a client. On a change, a secret left empty or given as {@code ****} keeps its stored value,
     * as a settings form that never shows the password sends it back.
     */
    public ConfiguredClient save(String name, String kind, Map<String, String> settings) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
            throw new KanzenException("a client name is 1 to 40 letters, digits, '-' or '_'");
        }
        DownloadClientFactory factory = factory(kind);
        Map<String, String> values = new LinkedHashMap<>(settings);
        Optional<ClientStore.Row> old = store.byName(name);
        for (ConfigProperty p : factory.configProperties()) {
            String v = values.get(p.key());
            if (p.secret() && (v == null || v.isBlank() || v.equals(ConfiguredClient.MASK)) && old.isPresent()) {
                String kept = old.get().settings().get(p.key());
                if (kept != null) {
                    values.put(p.key(), kept);
                }
            }
        }
        PluginConfig config = validate(factory, values);
        Map<String, String> clean = new LinkedHashMap<>();
        for (ConfigProperty p : factory.configProperties()) {
            config.get(p.key()).ifPresent(v -> clean.put(p.key(), v));
        }
        store.save(name, factory.name(), clean, factory.configProperties(), Instant.now(clock));
        DownloadClient previous = instances.remove(name.toLowerCase());
        if (previous != null) {
            previous.close();
        }
        return masked(new ClientStore.Row(name, factory.name(), clean));
    }

    public List<ConfiguredClient> list() {
        return store.all().stream().map(this::masked).toList();
    }

    public void remove(String name) {
        if (!store.remove(name)) {
            throw new KanzenException("no download client named '" + name + "'");
        }
        DownloadClient previous = instances.remove(name.toLowerCase());
        if (previous != null) {
            previous.close();
        }
    }

    /** Checks that the client answers and accepts its credentials. */
    public void test(String name) {
        DownloadClient client = instance(name);
        try {
            client.checkConnection();
        } catch (PluginException e) {
            throw new KanzenException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends a link to a client, recording the grab first. With no client named, the first configured one that
     * accepts the link's kind is used (ed2k goes to aMule, the rest to qBittorrent).
     */
    public Grab grab(String clientName, String link, String title, VolumeRange volume) {
        DownloadRequest request;
        try {
            request = DownloadRequest.of(link, title, volume);
        } catch (IllegalArgumentException e) {
            throw new KanzenException("cannot send this download: " + e.getMessage(), e);
        }
        String name = clientName != null ? clientName : clientFor(request.kind());
        DownloadClient client = instance(name);
        if (!client.accepts().contains(request.kind())) {
            throw new KanzenException(name + " does not download " + request.kind().name().toLowerCase().replace('_', ' ') + " links");
        }
        Grab recorded = grabs.recordSending(name, title, volume, API_KEY.matcher(link).replaceAll("$1****"), Instant.now(clock));
        try {
            DownloadHandle handle = client.submit(request);
            return grabs.markSent(recorded, handle.id(), Instant.now(clock));
        } catch (PluginException | IllegalArgumentException e) {
            grabs.markFailed(recorded, e.getMessage(), Instant.now(clock));
            throw new KanzenException(name + ": " + e.getMessage(), e);
        }
    }

    /** Every grab, newest first, with what its client says now (one question per grab). */
    public List<Download> downloads() {
        List<Download> out = new ArrayList<>();
        Map<String, String> unreachable = new HashMap<>();
        for (Grab g : grabs.all()) {
            if (g.state() != Grab.State.SENT || g.handle() == null) {
                out.add(new Download(g, null, null));
                continue;
            }
            String problem = unreachable.get(g.client());
            DownloadStatus status = null;
            if (problem == null) {
                try {
                    status = instance(g.client()).status(new DownloadHandle(g.client(), g.handle()));
                } catch (PluginException | KanzenException e) {
                    problem = e.getMessage();
                    unreachable.put(g.client(), problem); // do not ask a dead client once per download
                }
            }
            out.add(new Download(g, status, problem));
        }
        return out;
    }

    @Override
    public void close() {
        instances.values().forEach(DownloadClient::close);
        instances.clear();
    }

    private String clientFor(LinkKind kind) {
        for (ClientStore.Row row : store.all()) {
            Optional<DownloadClientFactory> f = plugins.downloadClientFactory(row.kind());
            if (f.isPresent() && instance(row.name()).accepts().contains(kind)) {
                return row.name();
            }
        }
        throw new KanzenException("no configured download client takes " + kind.name().toLowerCase().replace('_', ' ')
                + " links: add one (kanzen clients add)");
    }

    private DownloadClient instance(String name) {
        ClientStore.Row row = store.byName(name).orElseThrow(() -> new KanzenException("no download client named '" + name
                + "' (configured: " + String.join(", ", store.all().stream().map(ClientStore.Row::name).toList()) + ")"));
        return instances.computeIfAbsent(row.name().toLowerCase(), k -> {
            DownloadClientFactory factory = factory(row.kind());
            return factory.create(validate(factory, row.settings()), contexts.apply("client-" + row.name().toLowerCase()));
        });
    }

    private DownloadClientFactory factory(String kind) {
        return plugins.downloadClientFactory(kind).orElseThrow(() -> new KanzenException("no download client plugin '" + kind
                + "' (installed: " + String.join(", ", plugins.downloadClientFactories().keySet()) + ")"));
    }

    private static PluginConfig validate(DownloadClientFactory factory, Map<String, String> values) {
        try {
            return PluginConfig.of(factory.configProperties(), values);
        } catch (PluginException e) {
            throw new KanzenException(factory.name() + " settings: " + e.getMessage(), e);
        }
    }

    private ConfiguredClient masked(ClientStore.Row row) {
        Map<String, String> shown = new LinkedHashMap<>();
        List<ConfigProperty> properties = plugins.downloadClientFactory(row.kind()).map(DownloadClientFactory::configProperties).orElse(List.of());
        row.settings().forEach((k, v) -> shown.put(k, properties.stream().anyMatch(p -> p.key().equals(k) && p.secret())
                || properties.isEmpty() ? ConfiguredClient.MASK : v));
        return new ConfiguredClient(row.name(), row.kind(), shown);
    }
}
