package io.kanzen.core.internal.clients;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.LinkKind;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.api.client.DownloadClientFactory;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Download;
import io.kanzen.core.Grab;
import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.instances.InstanceStore;
import io.kanzen.core.internal.instances.Instances;
import io.kanzen.core.internal.plugins.PluginSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The configured download clients, grabs recorded before they are sent, and live status for the downloads view. */
public final class DownloadClients implements AutoCloseable {
    /** API keys ride in Prowlarr download links ({@code apikey=...}); they are masked before the link is stored. */
    private static final Pattern API_KEY = Pattern.compile("(?i)([?&](?:apikey|api_key|passkey|token)=)[^&]+");

    private final Instances<DownloadClient> instances;
    private final GrabStore grabs;
    private final Clock clock;

    public DownloadClients(InstanceStore store, GrabStore grabs, PluginSet plugins, Function<String, PluginContext> contexts, Clock clock) {
        this.instances = new Instances<>("download client", store, kind -> plugins.downloadClientFactory(kind).map(DownloadClients::kind),
                () -> plugins.downloadClientFactories().keySet(), contexts, clock);
        this.grabs = grabs;
        this.clock = clock;
    }

    private static Instances.Kind<DownloadClient> kind(DownloadClientFactory f) {
        return Instances.Kind.of(f.name(), f.configProperties(), f::create);
    }

    /** Adds or changes a client; see {@link Instances#save}. */
    public ConfiguredInstance save(String name, String kind, Map<String, String> settings) {
        return instances.save(name, kind, settings);
    }

    public List<ConfiguredInstance> list() {
        return instances.list();
    }

    public void remove(String name) {
        instances.remove(name);
    }

    /** Checks that the client answers and accepts its credentials. */
    public void test(String name) {
        DownloadClient client = instances.get(name);
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
        return grab(clientName, link, title, volume, null, null, null, null);
    }

    /**
     * Sends a link to a client for a series: the grab is recorded (SENDING) before the client is called, so a crash
     * in between leaves the volume taken rather than free to be grabbed twice.
     */
    public Grab grab(String clientName, String link, String title, VolumeRange volume, Long seriesId, String source, String releaseTitle,
            String linkKey) {
        DownloadRequest request;
        try {
            request = DownloadRequest.of(link, title, volume);
        } catch (IllegalArgumentException e) {
            throw new KanzenException("cannot send this download: " + e.getMessage(), e);
        }
        String name = instances.canonicalName(clientName != null ? clientName : clientFor(request.kind()));
        DownloadClient client = instances.get(name);
        if (!client.accepts().contains(request.kind())) {
            throw new KanzenException(name + " does not download " + request.kind().name().toLowerCase().replace('_', ' ') + " links");
        }
        Grab recorded = grabs.recordSending(new GrabStore.Intent(name, seriesId, title, volume, API_KEY.matcher(link).replaceAll("$1****"),
                source, releaseTitle, linkKey), Instant.now(clock));
        try {
            DownloadHandle handle = client.submit(request);
            return grabs.markSent(recorded, handle.id(), Instant.now(clock));
        } catch (PluginException | IllegalArgumentException e) {
            grabs.markFailed(recorded, e.getMessage(), Instant.now(clock));
            throw new KanzenException(name + ": " + e.getMessage(), e);
        }
    }

    /** The status of one sent grab, asked of its client. */
    public DownloadStatus status(Grab g) {
        return instances.get(g.client()).status(new DownloadHandle(g.client(), g.handle()));
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
                    status = instances.get(g.client()).status(new DownloadHandle(g.client(), g.handle()));
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
        instances.close();
    }

    private String clientFor(LinkKind kind) {
        for (String name : instances.names()) {
            if (instances.get(name).accepts().contains(kind)) {
                return name;
            }
        }
        throw new KanzenException("no configured download client takes " + kind.name().toLowerCase().replace('_', ' ')
                + " links: add one (kanzen clients add)");
    }
}
