package io.kanzen.core.internal.notify;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.NotificationType;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.core.CheckReport;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.HistoryCodes;
import io.kanzen.core.HistoryEvent;
import io.kanzen.core.KanzenException;
import io.kanzen.core.SeriesCheck;
import io.kanzen.core.internal.instances.InstanceStore;
import io.kanzen.core.internal.instances.Instances;
import io.kanzen.core.internal.monitor.HistoryStore;
import io.kanzen.core.internal.monitor.MetadataCache;
import io.kanzen.core.internal.plugins.PluginSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured notifiers and the sending of what happens to them. Whoever reports an event (a check, the download
 * tracker) only hands it over: a router thread picks the notifiers that chose its type, and each notifier sends on a
 * lane (a thread) of its own, within a deadline, so a slow or broken service never holds up a check nor another
 * notifier. A failed sending is logged and recorded in the history, where it is never notified again.
 */
public final class Notifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    /** An alert repeated within this time (the same source failing check after check) is sent once. */
    static final Duration QUIET = Duration.ofHours(6);
    private static final Set<NotificationType> ALERTS = EnumSet.of(NotificationType.PEER_DOWN, NotificationType.CHECK_PROBLEMS);
    private static final int WAITING_PER_LANE = 100;
    private static final int CHECK_PROBLEM_LINES = 5;

    /** The settings the host adds to every notifier, after the plugin's own. */
    public static final List<ConfigProperty> HOST_SETTINGS = List.of(
            ConfigProperty.of("events", "Events", ConfigType.LIST)
                    .withDefault(Arrays.stream(NotificationType.values()).filter(t -> t != NotificationType.TEST).map(NotificationType::code)
                            .collect(Collectors.joining(",")))
                    .withDescription("What to be told of, comma-separated: grabbed, imported, failed, check-problems, new-volume, peer-down."),
            ConfigProperty.of("language", "Language", ConfigType.STRING).withDefault("fr")
                    .withDescription("The language of the messages: fr (français) or en (English)."));

    /** A notifier as the host keeps it: the plugin's object and the host's choices for it. */
    record Configured(Notifier notifier, Set<NotificationType> events, String language) implements AutoCloseable {
        @Override
        public void close() {
            notifier.close();
        }
    }

    private final Instances<Configured> instances;
    private final PluginSet plugins;
    private final HistoryStore history;
    private final Clock clock;
    private final Duration deadline;
    private final ExecutorService router;
    private final ScheduledExecutorService watchdog;
    private final Map<String, ThreadPoolExecutor> lanes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAlerts = new ConcurrentHashMap<>();
    private final Set<String> reportedBroken = ConcurrentHashMap.newKeySet();

    /** @param deadline how long one sending may take before it is given up and recorded as failed */
    public Notifications(InstanceStore store, PluginSet plugins, Function<String, PluginContext> contexts, HistoryStore history, Clock clock,
            Duration deadline) {
        this.plugins = plugins;
        this.instances = new Instances<>("notifier", store, kind -> plugins.notifierFactory(kind).map(Notifications::kind),
                () -> plugins.notifierFactories().keySet(), contexts, clock);
        this.history = history;
        this.clock = clock;
        this.deadline = deadline;
        this.router = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), daemon("notifications"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("notifications-deadline"));
    }

    private static Instances.Kind<Configured> kind(NotifierFactory f) {
        List<ConfigProperty> all = Stream.concat(f.configProperties().stream(), HOST_SETTINGS.stream()).toList();
        return new Instances.Kind<>() {
            @Override
            public String name() {
                return f.name();
            }

            @Override
            public List<ConfigProperty> properties() {
                return all;
            }

            @Override
            public Configured create(PluginConfig config, PluginContext context) {
                Notifier notifier = f.create(own(f, config), context);
                return new Configured(notifier, events(config.list("events")), language(config.string("language")));
            }

            /** Making a notifier sends nothing: made once and closed, it proves the plugin takes the settings. */
            @Override
            public void check(PluginConfig config, PluginContext context) {
                f.create(own(f, config), context).close();
            }
        };
    }

    /** The plugin's own settings out of all of them. */
    private static PluginConfig own(NotifierFactory f, PluginConfig config) {
        Map<String, String> own = new LinkedHashMap<>();
        for (ConfigProperty p : f.configProperties()) {
            config.get(p.key()).ifPresent(v -> own.put(p.key(), v));
        }
        return PluginConfig.of(f.configProperties(), own);
    }

    // ---- configuring

    /** Adds or changes one; {@code events} and {@code language} are checked here, the rest by the plugin's settings. */
    public ConfiguredInstance save(String name, String kind, Map<String, String> settings) {
        String events = settings.get("events");
        if (events != null && !events.isBlank()) {
            events(Arrays.stream(events.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        String language = settings.get("language");
        if (language != null && !language.isBlank()) {
            language(language);
        }
        ConfiguredInstance saved = instances.save(name, kind, settings);
        reportedBroken.remove(saved.name().toLowerCase(Locale.ROOT));
        return saved;
    }

    public List<ConfiguredInstance> list() {
        return instances.list();
    }

    public void remove(String name) {
        instances.remove(name);
        ThreadPoolExecutor lane = lanes.remove(name.toLowerCase(Locale.ROOT));
        if (lane != null) {
            lane.shutdown();
        }
    }

    /** A kind's settings as a form shows them: the plugin's own, then the host's. */
    public List<ConfigProperty> properties(String kind) {
        NotifierFactory f = plugins.notifierFactory(kind).orElseThrow(() -> new KanzenException("plugin.notInstalled", KanzenException.pairs("kind", kind), "no notifier plugin '" + kind
                + "' (installed: " + String.join(", ", plugins.notifierFactories().keySet()) + ")"));
        return Stream.concat(f.configProperties().stream(), HOST_SETTINGS.stream()).toList();
    }

    /**
     * Sends a test message now and waits for it (at most the deadline), whatever events the notifier chose.
     *
     * @throws KanzenException saying why it failed
     */
    public void test(String name) {
        String canonical = instances.canonicalName(name);
        Configured c;
        try {
            c = instances.get(canonical);
        } catch (PluginException e) {
            throw KanzenException.plugin(canonical, e);
        }
        Notification n = NotificationTexts.write(new NotificationEvent(NotificationType.TEST, null, null, null, null, canonical, null,
                clock.instant()), c.language());
        Future<?> sending;
        try {
            sending = lane(canonical).submit(() -> c.notifier().send(n));
        } catch (RejectedExecutionException e) {
            throw new KanzenException("notifier.busy", KanzenException.pairs("name", canonical), canonical + ": too many notifications are waiting to be sent; try again later", e);
        }
        try {
            sending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sending.cancel(true);
            throw new KanzenException("notifier.timeout", KanzenException.pairs("name", canonical, "seconds", deadline.toSeconds()), canonical + ": no answer within " + deadline.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KanzenException("interrupted", KanzenException.pairs(), canonical + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new KanzenException("notifier.failed", KanzenException.pairs("name", canonical, "detail", shown(e.getCause())), canonical + ": " + shown(e.getCause()), e.getCause());
        }
    }

    // ---- what happens

    /** A history event just stored: notified when {@link HistoryNotifications} has a row for it. */
    public void onHistory(HistoryEvent e) {
        HistoryNotifications.of(e).ifPresent(this::publish);
    }

    /** A new French volume seen by the metadata source. */
    public void onAnnouncement(MetadataCache.Announcement a) {
        VolumeRange volume = VolumeRange.of(a.volume());
        publish(new NotificationEvent(NotificationType.NEW_VOLUME, a.title(), volume, null, null, null, a.date(), clock.instant()));
    }

    /** A finished check: its problems, if any, in one message (a dry run tells its caller already). */
    public void onCheck(CheckReport report) {
        if (report.dryRun()) {
            return;
        }
        List<String> lines = new ArrayList<>(io.kanzen.core.Problem.messages(report.problems()));
        for (SeriesCheck s : report.series()) {
            s.problems().forEach(p -> lines.add(s.title() + " : " + p));
        }
        if (lines.isEmpty()) {
            return;
        }
        String detail = String.join("\n", lines.subList(0, Math.min(CHECK_PROBLEM_LINES, lines.size())))
                + (lines.size() > CHECK_PROBLEM_LINES ? "\n(+" + (lines.size() - CHECK_PROBLEM_LINES) + ")" : "");
        publish(new NotificationEvent(NotificationType.CHECK_PROBLEMS, null, null, null, null, detail, null, report.finishedAt()));
    }

    /** Hands the event to the router and returns at once; never throws. */
    public void publish(NotificationEvent event) {
        try {
            router.execute(() -> route(event));
        } catch (RejectedExecutionException e) {
            LOG.warn("too many notifications waiting: one {} was dropped", event.type().code());
        }
    }

    private void route(NotificationEvent event) {
        List<String> names;
        try {
            names = instances.names();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the notifiers: {}", e.toString());
            return;
        }
        for (String name : names) {
            Configured c;
            try {
                c = instances.get(name);
            } catch (RuntimeException e) {
                if (reportedBroken.add(name.toLowerCase(Locale.ROOT))) { // said once, not at every event
                    recordFailure(name, HistoryCodes.NOTIFIER_SETUP, KanzenException.pairs("name", name, "detail", shown(e)),
                            "it cannot be set up: " + shown(e));
                }
                continue;
            }
            if (!c.events().contains(event.type())) {
                continue;
            }
            Notification n = NotificationTexts.write(event, c.language());
            if (ALERTS.contains(event.type()) && repeated(name + "\n" + n.title() + "\n" + n.message(), event.at())) {
                continue;
            }
            send(name, c, n);
        }
    }

    private boolean repeated(String key, Instant at) {
        lastAlerts.values().removeIf(t -> t.plus(QUIET).isBefore(at));
        Instant last = lastAlerts.putIfAbsent(key, at);
        return last != null;
    }

    private void send(String name, Configured c, Notification n) {
        AtomicBoolean settled = new AtomicBoolean();
        Future<?> sending;
        try {
            sending = lane(name).submit(() -> {
                try {
                    c.notifier().send(n);
                    settled.set(true);
                } catch (RuntimeException e) {
                    if (settled.compareAndSet(false, true)) {
                        recordFailure(name, HistoryCodes.NOTIFIER_FAILED, KanzenException.pairs("name", name, "type", n.type().code(), "detail",
                                shown(e)), n.type().code() + ": " + shown(e));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            recordFailure(name, HistoryCodes.NOTIFIER_BUSY, KanzenException.pairs("name", name, "type", n.type().code()),
                    "too many notifications are waiting: one " + n.type().code() + " was dropped");
            return;
        }
        watchdog.schedule(() -> {
            if (!sending.isDone() && settled.compareAndSet(false, true)) {
                sending.cancel(true);
                recordFailure(name, HistoryCodes.NOTIFIER_TIMEOUT, KanzenException.pairs("name", name, "type", n.type().code(), "seconds",
                        deadline.toSeconds()), n.type().code() + ": no answer within " + deadline.toSeconds() + " s");
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ThreadPoolExecutor lane(String name) {
        return lanes.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_PER_LANE), daemon("notifier-" + k)));
    }

    /** Logged and kept in the history, unheard by the listeners: a notifier's failure is never notified in a loop. */
    private void recordFailure(String name, String code, java.util.Map<String, String> params, String why) {
        String message = "notifier " + name + ": " + why;
        LOG.warn("{}", message);
        try {
            history.addUnheard(HistoryEvent.Kind.FAILURE, false, null, null, null, null, "notifier " + name, null, null, code, params, message,
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("cannot record a notifier's failure: {}", e.toString());
        }
    }

    /** An error as users see it: a plugin's message (which never carries a secret), or the bare kind of a bug. */
    private static String shown(Throwable e) {
        if (e instanceof PluginException || e instanceof KanzenException) {
            return e.getMessage();
        }
        return "the plugin failed (" + e.getClass().getSimpleName() + ")";
    }

    static Set<NotificationType> events(List<String> codes) {
        Set<NotificationType> out = EnumSet.noneOf(NotificationType.class);
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            Optional<NotificationType> t = NotificationType.ofCode(code);
            t.ifPresentOrElse(out::add, () -> unknown.add(code));
        }
        if (!unknown.isEmpty()) {
            throw new KanzenException("notifier.unknownEvent", KanzenException.pairs("events", String.join(", ", unknown)), "unknown event(s) " + String.join(", ", unknown) + "; choose among "
                    + Arrays.stream(NotificationType.values()).filter(t -> t != NotificationType.TEST).map(NotificationType::code)
                            .collect(Collectors.joining(", ")));
        }
        return out;
    }

    static String language(String value) {
        String l = value.trim().toLowerCase(Locale.ROOT);
        if (!Notification.LANGUAGES.contains(l)) {
            throw new KanzenException("notifier.language", KanzenException.pairs("value", value), "the language of a notifier is fr or en, not '" + value + "'");
        }
        return l;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Lets what is already on its way be sent (a one-shot {@code kanzen check} exits right after its check), for at most
     * the deadline, then stops.
     */
    @Override
    public void close() {
        long until = System.nanoTime() + deadline.toNanos();
        router.shutdown();
        awaitUntil(router, until);
        lanes.values().forEach(ExecutorService::shutdown);
        lanes.values().forEach(lane -> awaitUntil(lane, until));
        router.shutdownNow();
        lanes.values().forEach(ExecutorService::shutdownNow);
        watchdog.shutdownNow();
        instances.close();
    }

    private static void awaitUntil(ExecutorService executor, long until) {
        try {
            executor.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
