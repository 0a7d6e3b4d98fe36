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
import io.kanzen.core.PluginCall;
import io.kanzen.core.internal.instances.InstanceStore;
import io.kanzen.core.internal.instances.Instances;
import io.kanzen.core.internal.plugins.PluginSet;
import java.time.Clock;
import java.time.Duration;
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
    /** Clients whose last status question failed, with why: for /health. */
    private final Map<String, String> unreachable = new java.util.concurrent.ConcurrentHashMap<>();

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

    public Map<PluginCall, Duration> deadlines(String name) {
        return instances.deadlines(name);
    }

    public void setDeadline(String name, PluginCall call, Duration deadline) {
        instances.setDeadline(name, call, deadline);
    }

    /** Checks that the client answers and accepts its credentials. */
    /** The values the client's peer offers for a setting, for a settings form; empty when the client offers none. */
    public List<io.kanzen.api.SettingChoices.Choice> choices(String name, String settingKey) {
        try {
            return instances.call(name, PluginCall.TEST, c -> c instanceof io.kanzen.api.SettingChoices offering ? offering.choices(settingKey)
                    : List.<io.kanzen.api.SettingChoices.Choice>of());
        } catch (PluginException e) {
            throw KanzenException.plugin(name, e);
        }
    }

    public void test(String name) {
        try {
            instances.call(name, PluginCall.TEST, c -> {
                c.checkConnection();
                return null;
            });
            unreachable.remove(instances.canonicalName(name));
        } catch (PluginException e) {
            throw KanzenException.plugin(name, e);
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
            throw new KanzenException("link.invalid", KanzenException.pairs("detail", e.getMessage()), "cannot send this download: " + e.getMessage(), e);
        }
        String name = instances.canonicalName(clientName != null ? clientName : clientFor(request.kind()));
        java.util.Set<LinkKind> accepted;
        try {
            accepted = accepts(name);
        } catch (PluginException e) {
            throw KanzenException.plugin(name, e);
        }
        if (!accepted.contains(request.kind())) {
            throw new KanzenException("client.linkKind", KanzenException.pairs("name", name, "kind", request.kind().name().toLowerCase()), name + " does not download " + request.kind().name().toLowerCase().replace('_', ' ') + " links");
        }
        Grab recorded = grabs.recordSending(new GrabStore.Intent(name, seriesId, title, volume, API_KEY.matcher(link).replaceAll("$1****"),
                source, releaseTitle, linkKey), Instant.now(clock));
        try {
            DownloadHandle handle = instances.call(name, PluginCall.SUBMIT, c -> c.submit(request));
            return grabs.markSent(recorded, handle.id(), Instant.now(clock));
        } catch (PluginException e) {
            // a submit that timed out may still have reached the client: FAILED frees the volume, and the client's
            // "same link, same handle" rule keeps a second send from making a second download
            grabs.markFailed(recorded, e.getMessage(), Instant.now(clock));
            throw KanzenException.plugin(name, e);
        } catch (IllegalArgumentException e) {
            grabs.markFailed(recorded, e.getMessage(), Instant.now(clock));
            throw new KanzenException(name + ": " + e.getMessage(), e);
        }
    }

    /** The status of one sent grab, asked of its client. */
    public DownloadStatus status(Grab g) {
        return status(g.client(), new DownloadHandle(g.client(), g.handle()));
    }

    private DownloadStatus status(String client, DownloadHandle handle) {
        try {
            DownloadStatus s = instances.call(client, PluginCall.STATUS, c -> c.status(handle));
            unreachable.remove(client);
            return s;
        } catch (PluginException e) {
            unreachable.put(client, e.getMessage());
            throw e;
        }
    }

    /** The clients whose last status question failed, with the reason. */
    public Map<String, String> unreachable() {
        Map<String, String> out = new java.util.TreeMap<>(unreachable);
        out.keySet().retainAll(instances.names()); // a client removed since is no longer a problem
        return out;
    }

    /**
     * Settles the grabs a crash left SENDING (recorded, the client's answer never recorded): asked of its client by
     * the link's hash, one the client has becomes SENT; one it has not is sent again, once. A link that cannot be
     * sent again (its key was masked before it was stored) becomes FAILED, so the volume is searched again. Grabs
     * younger than their client's submit deadline (plus a minute) are left alone: they may be under way. Only
     * called by the holder of the check lock. Returns what it did, in words.
     */
    public List<String> reconcileSending() {
        List<String> done = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (Grab g : grabs.sending()) {
            String what = g.title() + (g.volume() == null ? "" : " " + g.volume());
            try {
                java.time.Duration wait = instances.deadlines(g.client()).get(PluginCall.SUBMIT).plusMinutes(1);
                if (g.updatedAt().plus(wait).isAfter(now)) {
                    continue;
                }
            } catch (KanzenException e) { // the client was removed since
                grabs.markFailed(g, "Kanzen stopped while sending it, and its client is gone", now);
                done.add(what + ": left sending by a stop, and its client " + g.client() + " is gone: wanted again");
                continue;
            }
            try {
                java.util.Optional<String> hash = LinkHashes.of(g.link());
                if (hash.isPresent() && status(g.client(), new DownloadHandle(g.client(), hash.get())).state() != io.kanzen.api.DownloadState.MISSING) {
                    grabs.markSettled(g, hash.get(), "found at the client after Kanzen stopped while sending it", now);
                    done.add(what + ": left sending by a stop, found at " + g.client() + ": sent");
                    continue;
                }
                if (g.link().contains("****")) {
                    grabs.markFailed(g, "Kanzen stopped while sending it, and its link cannot be sent again (its key is not stored)", now);
                    done.add(what + ": left sending by a stop, and its link cannot be sent again: wanted again");
                    continue;
                }
                DownloadRequest request = DownloadRequest.of(g.link(), g.title(), g.volume());
                DownloadHandle handle = instances.call(g.client(), PluginCall.SUBMIT, c -> c.submit(request));
                grabs.markSettled(g, handle.id(), "sent again after Kanzen stopped while sending it", Instant.now(clock));
                done.add(what + ": left sending by a stop, not at " + g.client() + ": sent again");
            } catch (PluginException | KanzenException e) {
                // left SENDING (the volume stays taken): the next check asks again, once the client answers
                done.add(what + ": left sending by a stop; " + g.client() + " could not be asked (" + e.getMessage() + "): tried again at the next check");
            } catch (IllegalArgumentException e) {
                grabs.markFailed(g, "Kanzen stopped while sending it, and its link is not valid: " + e.getMessage(), now);
                done.add(what + ": left sending by a stop, with a link that is not valid: wanted again");
            }
        }
        return done;
    }

    /**
     * Removes a grab's download from its client (with its files when {@code deleteFiles}). A client that cannot
     * remove throws a KanzenException saying so.
     */
    public void remove(Grab g, boolean deleteFiles) {
        if (g.handle() == null) {
            return;
        }
        try {
            instances.call(g.client(), PluginCall.SUBMIT, c -> {
                c.remove(new DownloadHandle(g.client(), g.handle()), deleteFiles);
                return null;
            });
        } catch (PluginException e) {
            if (e.getCause() instanceof UnsupportedOperationException) { // the SPI's default: a plugin written before remove()
                throw new KanzenException("client.cannotRemove", KanzenException.pairs("name", g.client()), g.client() + " cannot remove downloads (its plugin predates removal)", e);
            }
            throw KanzenException.plugin(g.client(), e);
        }
    }

    /** Gives a grab's link to its client again (a retry, or an ed2k download that lost its sources); returns the handle. */
    public String resubmit(Grab g) {
        if (g.link().contains("****")) {
            throw new KanzenException("grab.linkMasked", KanzenException.pairs(), "the link of this download held a key and was stored masked: it cannot be sent again; search again instead");
        }
        try {
            DownloadRequest request = DownloadRequest.of(g.link(), g.title(), g.volume());
            return instances.call(g.client(), PluginCall.SUBMIT, c -> c.submit(request)).id();
        } catch (PluginException | IllegalArgumentException e) {
            throw new KanzenException(g.client() + ": " + e.getMessage(), e);
        }
    }

    /** Every grab, newest first, with what its client says now (one question per grab). */
    public List<Download> downloads() {
        List<Download> out = new ArrayList<>();
        Map<String, String> unreachable = new HashMap<>();
        for (Grab g : grabs.all()) {
            if (!g.state().active() || g.handle() == null) {
                out.add(new Download(g, null, null));
                continue;
            }
            String problem = unreachable.get(g.client());
            DownloadStatus status = null;
            if (problem == null) {
                try {
                    status = status(g);
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

    private java.util.Set<LinkKind> accepts(String name) {
        return instances.call(name, PluginCall.TEST, c -> java.util.Set.copyOf(c.accepts()));
    }

    private String clientFor(LinkKind kind) {
        for (String name : instances.names()) {
            try {
                if (accepts(name).contains(kind)) {
                    return name;
                }
            } catch (PluginException e) {
                // a client that cannot say what it takes is passed over for this link
            }
        }
        throw new KanzenException("client.none", KanzenException.pairs("kind", kind.name().toLowerCase()), "no configured download client takes " + kind.name().toLowerCase().replace('_', ' ')
                + " links: add one (kanzen clients add)");
    }
}
