package io.kanzen.core.internal.scoring;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.scoring.Scorer;
import io.kanzen.api.scoring.ScorerFactory;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.KanzenException;
import io.kanzen.core.internal.instances.InstanceStore;
import io.kanzen.core.internal.instances.Instances;
import io.kanzen.core.internal.plugins.PluginSet;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer plugins the user enabled, configured like sources. A check asks for {@link #enabled()} once and hands
 * them to the decision engine, which adds their parts to every judged release.
 */
public final class Scorers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scorers.class);

    /** One enabled scorer, by its instance name (the name its parts are shown under). */
    public record Named(String name, Scorer scorer) {}

    /** The enabled scorers, and why any could not be made. */
    public record Enabled(List<Named> scorers, List<io.kanzen.core.Problem> problems) {}

    /** Instances holds closeable things; a scorer is pure and holds nothing. */
    private record Made(Scorer scorer) implements AutoCloseable {
        @Override
        public void close() {}
    }

    private final Instances<Made> instances;
    private final InstanceStore store;
    private final Database db;
    private final PluginSet plugins;
    private final Clock clock;

    public Scorers(Database db, InstanceStore store, PluginSet plugins, Function<String, PluginContext> contexts, Clock clock) {
        this.db = db;
        this.store = store;
        this.plugins = plugins;
        this.clock = clock;
        this.instances = new Instances<>("scorer", store, kind -> plugins.scorerFactory(kind).map(Scorers::kind),
                () -> plugins.scorerFactories().keySet(), contexts, clock);
    }

    private static Instances.Kind<Made> kind(ScorerFactory f) {
        return Instances.Kind.of(f.name(), f.configProperties(), (config, context) -> new Made(f.create(config)));
    }

    /** Saves a scorer once its settings are shown to make one: a bad expression is refused now, not at the next check. */
    public ConfiguredInstance save(String name, String kind, Map<String, String> settings) {
        ScorerFactory factory = plugins.scorerFactory(kind).orElseThrow(() -> new KanzenException("plugin.notInstalled", KanzenException.pairs("role", "scorer", "kind", kind), "no scorer plugin named '" + kind
                + "' (found: " + (plugins.scorerFactories().isEmpty() ? "none" : String.join(", ", plugins.scorerFactories().keySet())) + ")"));
        try {
            factory.create(PluginConfig.of(factory.configProperties(), settings));
        } catch (RuntimeException e) {
            throw new KanzenException("scorer " + name + ": " + e.getMessage(), e);
        }
        return instances.save(name, kind, settings);
    }

    public List<ConfiguredInstance> list() {
        return instances.list();
    }

    public void remove(String name) {
        instances.remove(name);
    }

    /** Makes the scorer with its stored settings: for scorers, the "connection test" is that its settings make one. */
    public void test(String name) {
        instances.get(name);
    }

    /** Every configured scorer, made; one that cannot be made is left out and said. */
    public Enabled enabled() {
        List<Named> out = new ArrayList<>();
        List<io.kanzen.core.Problem> problems = new ArrayList<>();
        for (String name : instances.names()) {
            try {
                out.add(new Named(name, instances.get(name).scorer()));
            } catch (RuntimeException e) { // a plugin whose factory throws is skipped, and said
                problems.add(io.kanzen.core.Problem.of("scorer.skipped", "scorer " + name + " is skipped: " + e.getMessage(),
                        "name", name, "detail", e.getMessage()));
            }
        }
        return new Enabled(out, problems);
    }

    /**
     * Enables, the first time its kind is met, each scorer plugin that needs no setting (a drop-in scorer works once
     * dropped in); a kind the user removed afterwards is not enabled again.
     */
    public void enableNewScorers() {
        Set<String> seen = seenKinds();
        Set<String> configuredKinds = new HashSet<>();
        store.all().forEach(r -> configuredKinds.add(r.kind()));
        for (ScorerFactory f : plugins.scorerFactories().values()) {
            if (seen.contains(f.name())) {
                continue;
            }
            markSeen(f.name());
            boolean needsSetting = f.configProperties().stream().anyMatch(p -> p.required() && p.defaultValue() == null);
            if (!needsSetting && !configuredKinds.contains(f.name())) {
                try {
                    instances.save(f.name(), f.name(), Map.of());
                    LOG.info("scorer {} found and enabled", f.name());
                } catch (KanzenException e) {
                    LOG.warn("scorer {} found but not enabled: {}", f.name(), e.getMessage());
                }
            }
        }
    }

    private Set<String> seenKinds() {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT kind FROM scorer_seen"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    private void markSeen(String kind) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO scorer_seen (kind, seen_at) VALUES (?, ?)")) {
                s.setString(1, kind);
                s.setString(2, Instant.now(clock).toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The properties of a scorer kind, for forms and help. */
    public List<ConfigProperty> properties(String kind) {
        return plugins.scorerFactory(kind).map(ScorerFactory::configProperties)
                .orElseThrow(() -> new KanzenException("plugin.notInstalled", KanzenException.pairs("role", "scorer", "kind", kind), "no scorer plugin named '" + kind + "'"));
    }

    @Override
    public void close() {
        instances.close();
    }
}
