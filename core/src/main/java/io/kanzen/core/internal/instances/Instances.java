package io.kanzen.core.internal.instances;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.KanzenException;
import io.kanzen.core.PluginCall;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured instances of one plugin role (download clients, or sources): settings checked against the
 * plugin's properties and stored with secrets sealed, shown with secrets masked, and each instance made on first
 * use and kept (so a session or a connection is reused) until its settings change. Every call into an instance goes
 * through {@link #call}: on a host thread, under the instance's deadline for that kind of call; an instance that
 * did not answer in time is abandoned and made again on next use.
 */
public final class Instances<T extends AutoCloseable> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);

    /** Work on one instance, run on a host thread. */
    @FunctionalInterface
    public interface Work<T, R> {
        R run(T instance) throws Exception;
    }

    /** A made instance and the deadlines it was made with. */
    private record Made<T>(T instance, InstanceStore.Row row) {}

    /** A plugin factory of this role, seen the same way whatever its SPI type. */
    public interface Kind<T> {
        String name();

        List<ConfigProperty> properties();

        T create(PluginConfig config, PluginContext context);

        /**
         * Called when settings are saved, once they match the properties and before they are stored: a kind may
         * refuse them for reasons only its plugin knows (an unknown choice, a malformed address) by throwing a
         * PluginException. None by default.
         */
        default void check(PluginConfig config, PluginContext context) {}

        static <T> Kind<T> of(String name, List<ConfigProperty> properties, java.util.function.BiFunction<PluginConfig, PluginContext, T> create) {
            return new Kind<>() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public List<ConfigProperty> properties() {
                    return properties;
                }

                @Override
                public T create(PluginConfig config, PluginContext context) {
                    return create.apply(config, context);
                }
            };
        }
    }

    private final String role;
    private final InstanceStore store;
    private final Function<String, Optional<Kind<T>>> kinds;
    private final Supplier<Collection<String>> kindNames;
    private final Function<String, PluginContext> contexts;
    private final Clock clock;
    private final Map<String, Made<T>> made = new ConcurrentHashMap<>();
    private final PluginGuard guard;

    /** @param role how users call one ("download client", "source"), for messages and work folder names */
    public Instances(String role, InstanceStore store, Function<String, Optional<Kind<T>>> kinds, Supplier<Collection<String>> kindNames,
            Function<String, PluginContext> contexts, Clock clock) {
        this.role = role;
        this.store = store;
        this.kinds = kinds;
        this.kindNames = kindNames;
        this.contexts = contexts;
        this.clock = clock;
        this.guard = new PluginGuard(role);
    }

    /**
     * Adds or changes one. On a change, a secret left empty or given as {@code ****} keeps its stored value, as a
     * settings form that never shows the password sends it back.
     */
    public ConfiguredInstance save(String name, String kindName, Map<String, String> settings) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
            throw new KanzenException("instance.nameInvalid", KanzenException.pairs("role", role), "a " + role + " name is 1 to 40 letters, digits, '-' or '_'");
        }
        Kind<T> kind = kind(kindName);
        Map<String, String> values = new LinkedHashMap<>(settings);
        Optional<InstanceStore.Row> old = store.byName(name);
        List<ConfigProperty> kept = new java.util.ArrayList<>();
        for (ConfigProperty p : kind.properties()) {
            String v = values.get(p.key());
            boolean unchanged = v == null || v.isBlank() || v.equals(ConfiguredInstance.MASK);
            if (p.secret() && unchanged && old.isPresent() && old.get().settings().containsKey(p.key())) {
                values.put(p.key(), old.get().settings().get(p.key()));
                kept.add(p);
            }
        }
        PluginConfig config = validate(kind, values);
        try {
            kind.check(config, contexts.apply(role.replace(' ', '-') + "-" + key(name)));
        } catch (PluginException e) {
            throw new KanzenException(KanzenException.pluginCode(e), KanzenException.pairs("name", kind.name(), "detail", e.getMessage()),
                    kind.name() + " settings: " + e.getMessage(), e);
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (ConfigProperty p : kind.properties()) {
            config.get(p.key()).ifPresent(v -> clean.put(p.key(), v));
        }
        if (!kept.isEmpty() && old.isPresent() && old.get().kind().equalsIgnoreCase(kind.name())) {
            refuseKeptSecretsAtANewAddress(kind, old.get().settings(), clean, kept);
        }
        store.save(name, kind.name(), clean, kind.properties(), Instant.now(clock));
        forget(name);
        return masked(new InstanceStore.Row(name, kind.name(), clean, Map.of()));
    }

    /**
     * A stored password or key goes only to the address it was entered for: when the address changes (a URL
     * setting, or a host or port), a secret not entered again is refused, as Sonarr does, rather than sent to
     * whatever the new address is.
     */
    private void refuseKeptSecretsAtANewAddress(Kind<T> kind, Map<String, String> before, Map<String, String> after, List<ConfigProperty> kept) {
        for (ConfigProperty p : kind.properties()) {
            boolean address = p.type() == io.kanzen.api.ConfigType.URL || p.key().equalsIgnoreCase("host") || p.key().equalsIgnoreCase("port");
            if (address && !java.util.Objects.equals(before.get(p.key()), after.get(p.key()))) {
                ConfigProperty secret = kept.get(0);
                throw new io.kanzen.core.InvalidSettingException(secret.key(), "setting.secretAgain",
                        Map.of("secret", secret.label(), "address", p.label()), "the " + p.label().toLowerCase(Locale.ROOT) + " changed: enter the "
                        + secret.label().toLowerCase(Locale.ROOT) + " again (a stored secret is never sent to a new address)");
            }
        }
    }

    public List<ConfiguredInstance> list() {
        return store.all().stream().map(this::masked).toList();
    }

    public List<String> names() {
        return store.all().stream().map(InstanceStore.Row::name).toList();
    }

    public void remove(String name) {
        if (!store.remove(name)) {
            throw new KanzenException("instance.notFound", KanzenException.pairs("role", role, "name", name), "no " + role + " named '" + name + "'");
        }
        forget(name);
    }

    /**
     * Runs {@code work} on the instance (made on first use, under the same deadline) on a host thread, under the
     * instance's deadline for {@code kind}. A {@link io.kanzen.api.PluginException} is the plugin's failure for this
     * call; anything else it throws, or no answer in time, is a {@link PluginFailure}. An instance that timed out
     * is abandoned: the next call makes a new one.
     */
    public <R> R call(String name, PluginCall kind, Work<T, R> work) {
        Made<T> m = made(name, kind);
        try {
            return guard.call(kind, m.row().deadline(kind), () -> work.run(m.instance()));
        } catch (PluginFailure f) {
            if (f.timedOut()) {
                abandon(m);
            }
            throw f;
        }
    }

    /**
     * The instance itself, made on first use (its making under the test deadline). Only for plugins that are pure
     * functions called in bulk on the host's own threads (scorers); calls to peers go through {@link #call}.
     */
    public T get(String name) {
        return made(name, PluginCall.TEST).instance();
    }

    /** The deadlines in force for one instance's calls. */
    public Map<PluginCall, Duration> deadlines(String name) {
        InstanceStore.Row row = row(name);
        Map<PluginCall, Duration> out = new java.util.EnumMap<>(PluginCall.class);
        for (PluginCall c : PluginCall.values()) {
            out.put(c, row.deadline(c));
        }
        return out;
    }

    /** Sets one deadline of an instance ({@code null}: back to the default); applies from the next call. */
    public void setDeadline(String name, PluginCall kind, Duration deadline) {
        if (deadline != null && (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofDays(1)) > 0)) {
            throw new KanzenException("deadline.invalid", KanzenException.pairs("value", deadline), "a deadline is more than 0 and at most a day: " + deadline);
        }
        InstanceStore.Row row = row(name);
        Map<PluginCall, Duration> deadlines = new java.util.EnumMap<>(PluginCall.class);
        deadlines.putAll(row.deadlines());
        if (deadline == null) {
            deadlines.remove(kind);
        } else {
            deadlines.put(kind, deadline);
        }
        store.saveDeadlines(row.name(), deadlines);
        Made<T> m = made.get(key(row.name()));
        if (m != null) {
            // the instance keeps its session; only the deadlines it is called under change
            made.replace(key(row.name()), m, new Made<>(m.instance(), new InstanceStore.Row(row.name(), row.kind(), row.settings(), deadlines)));
        }
    }

    private Made<T> made(String name, PluginCall kind) {
        Made<T> existing = made.get(key(name)); // the usual case: no need to read and decrypt the stored settings again
        if (existing != null) {
            return existing;
        }
        InstanceStore.Row row = row(name);
        Kind<T> k = kind(row.kind());
        PluginConfig config = validate(k, row.settings());
        String key = key(row.name());
        // a plugin's constructor is plugin code too: it may throw anything or hang
        T instance = guard.call(kind, row.deadline(kind), () -> k.create(config, contexts.apply(role.replace(' ', '-') + "-" + key)));
        Made<T> mine = new Made<>(instance, row);
        Made<T> raced = made.putIfAbsent(key, mine);
        if (raced != null) { // another thread made one meanwhile: keep one session, close the spare
            closeQuietly(instance);
            return raced;
        }
        return mine;
    }

    private InstanceStore.Row row(String name) {
        return store.byName(name).orElseThrow(() -> new KanzenException("instance.notFound", KanzenException.pairs("role", role, "name", name), "no " + role + " named '" + name
                + "' (configured: " + (names().isEmpty() ? "none" : String.join(", ", names())) + ")"));
    }

    private void abandon(Made<T> m) {
        if (made.remove(key(m.row().name()), m)) {
            LOG.warn("{} '{}' did not answer in time: it is abandoned and will be made again on next use", role, m.row().name());
            guard.runDetached(() -> closeQuietly(m.instance())); // closing a stuck instance may hang too: not on the caller's thread
        }
    }

    /** The canonical name of a configured one (names are case-insensitive). */
    public String canonicalName(String name) {
        return store.byName(name).map(InstanceStore.Row::name).orElse(name);
    }

    @Override
    public void close() {
        made.values().forEach(m -> closeQuietly(m.instance()));
        made.clear();
        guard.close();
    }

    private void forget(String name) {
        Made<T> previous = made.remove(key(name));
        if (previous != null) {
            closeQuietly(previous.instance());
        }
    }

    private Kind<T> kind(String name) {
        return kinds.apply(name).orElseThrow(() -> new KanzenException("plugin.notInstalled", KanzenException.pairs("role", role, "kind", name), "no " + role + " plugin '" + name + "' (installed: "
                + String.join(", ", kindNames.get()) + ")"));
    }

    private PluginConfig validate(Kind<T> kind, Map<String, String> values) {
        try {
            return PluginConfig.of(kind.properties(), values);
        } catch (PluginException e) {
            // every problem in the sentence; the first one's field and code for the form
            throw firstBadField(kind, values, kind.name() + " settings: " + e.getMessage());
        }
    }

    /**
     * The first setting the plugin's declaration refuses, as an error on that field with a stable code
     * ({@code setting.required}, {@code setting.notNumber}, {@code setting.notBoolean}, {@code setting.notUrl},
     * {@code setting.unknown}), so a form can point at it in the user's language; {@code message} says them all.
     */
    private io.kanzen.core.InvalidSettingException firstBadField(Kind<T> kind, Map<String, String> values, String message) {
        for (ConfigProperty p : kind.properties()) {
            String value = values.get(p.key());
            boolean blank = value == null || value.isBlank();
            if (blank && p.required() && (p.defaultValue() == null || p.defaultValue().isBlank())) {
                return new io.kanzen.core.InvalidSettingException(p.key(), "setting.required", Map.of("label", p.label()), message);
            }
            if (!blank && p.problemWith(value) != null) {
                String code = switch (p.type()) {
                    case INTEGER -> "setting.notNumber";
                    case BOOLEAN -> "setting.notBoolean";
                    case URL -> "setting.notUrl";
                    default -> "setting.invalid";
                };
                return new io.kanzen.core.InvalidSettingException(p.key(), code, Map.of("label", p.label(), "value", value), message);
            }
        }
        for (String key : values.keySet()) {
            if (kind.properties().stream().noneMatch(p -> p.key().equals(key))) {
                return new io.kanzen.core.InvalidSettingException(key, "setting.unknown", Map.of("name", key), message);
            }
        }
        return new io.kanzen.core.InvalidSettingException(null, message);
    }

    private ConfiguredInstance masked(InstanceStore.Row row) {
        List<ConfigProperty> properties = kinds.apply(row.kind()).map(Kind::properties).orElse(List.of());
        Map<String, String> shown = new LinkedHashMap<>();
        // with the plugin gone, which settings were secret is unknown: every value is masked
        row.settings().forEach((k, v) -> shown.put(k, properties.isEmpty()
                || properties.stream().anyMatch(p -> p.key().equals(k) && p.secret()) ? ConfiguredInstance.MASK : v));
        return new ConfiguredInstance(row.name(), row.kind(), shown);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception | LinkageError | AssertionError ignored) {
            // a plugin failing to close must not stop the others
        }
    }
}
