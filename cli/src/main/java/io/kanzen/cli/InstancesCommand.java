package io.kanzen.cli;

import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
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
