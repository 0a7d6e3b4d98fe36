package io.kanzen.cli;

import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.PluginCall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code add}, {@code list}, {@code test} and {@code remove} for configured plugin instances: clients or sources. */
abstract class InstancesCommand {
    @ParentCommand
    KanzenCommand top;

    abstract ConfiguredInstance save(Kanzen kanzen, String name, String kind, Map<String, String> settings);

    abstract List<ConfiguredInstance> list(Kanzen kanzen);

    abstract void test(Kanzen kanzen, String name);

    abstract void remove(Kanzen kanzen, String name);

    /** The host's deadlines of one instance; only sources and clients have them. */
    Map<PluginCall, Duration> deadlines(Kanzen kanzen, String name) {
        throw new KanzenException("deadlines are for sources and download clients");
    }

    void setDeadline(Kanzen kanzen, String name, PluginCall call, Duration deadline) {
        throw new KanzenException("deadlines are for sources and download clients");
    }

    @Command(name = "deadline", description = {"Shows how long Kanzen waits for each kind of call to it, or sets one:",
        "  deadline NAME search 2m   (s, m or h; 'default' goes back to the default). Past it the call is abandoned",
        "  and counts as the plugin's failure. Kinds: search, metadata, index-refresh, submit, status, test."})
    static final class Deadline implements Callable<Integer> {
        @ParentCommand
        InstancesCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "CALL")
        String call;

        @Parameters(index = "2", arity = "0..1", paramLabel = "DURATION")
        String duration;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                if (call != null) {
                    if (duration == null) {
                        throw new KanzenException("give a duration (90s, 2m, 1h) or 'default'");
                    }
                    parent.setDeadline(kanzen, name, PluginCall.of(call), duration.equalsIgnoreCase("default") ? null : duration(duration));
                }
                parent.deadlines(kanzen, name).forEach((k, v) -> System.out.println(k.key() + "\t" + words(v)
                        + (v.equals(k.defaultDeadline()) ? "" : "  (default " + words(k.defaultDeadline()) + ")")));
            }
            return 0;
        }

        static Duration duration(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})\\s*(s|m|h)").matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
            if (!m.matches()) {
                throw new KanzenException("a duration is a number and s, m or h (90s, 2m, 1h), not '" + text + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }

        private static String words(Duration d) {
            long s = d.toSeconds();
            return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
        }
    }

    @Command(name = "add", description = {"Adds one, or changes the one of that name.",
        "Secret settings are stored encrypted; on a change, leave a password out to keep it."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        InstancesCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "A name of yours (default kind: the same word).")
        String name;

        @Option(names = "--type", paramLabel = "KIND", description = "The plugin (default: NAME).")
        String kind;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting; repeat for each.")
        Map<String, String> settings = new LinkedHashMap<>();

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                System.out.println("saved " + describe(parent.save(kanzen, name, kind != null ? kind : name, settings)));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists them, secrets masked.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        InstancesCommand parent;

        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                for (ConfiguredInstance c : parent.list(kanzen)) {
                    System.out.println(json ? Json.write(Map.of("name", c.name(), "kind", c.kind(), "settings", c.settings())) : describe(c));
                }
            }
            return 0;
        }
    }

    @Command(name = "test", description = "Checks that it answers and accepts its settings.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        InstancesCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                parent.test(kanzen, name);
                System.out.println(name + ": connection OK");
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Removes it (the history keeps what it did).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        InstancesCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                parent.remove(kanzen, name);
                System.out.println("removed " + name);
            }
            return 0;
        }
    }

    static String describe(ConfiguredInstance c) {
        StringBuilder b = new StringBuilder(c.name()).append(" (").append(c.kind()).append(")");
        c.settings().forEach((k, v) -> b.append("  ").append(k).append('=').append(v));
        return b.toString();
    }
}
