package io.kanzen.cli;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
import io.kanzen.core.LoadedPlugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "notifiers", description = {"Sets up notifications (webhook, discord, ntfy, gotify, telegram, email).",
    "Example: kanzen notifiers add phone ntfy --set topic=my-manga-7f3 --events grabbed,imported,failed"},
        subcommands = {NotifiersCommand.Add.class, NotifiersCommand.ListAll.class, NotifiersCommand.Kinds.class, NotifiersCommand.Test.class,
            NotifiersCommand.Remove.class})
final class NotifiersCommand {
    @ParentCommand
    KanzenCommand top;

    @Command(name = "add", description = {"Adds a notifier, or changes the one of that name.",
        "Secret settings (tokens, passwords) are stored encrypted; on a change, leave one out to keep it."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        NotifiersCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "A name of yours.")
        String name;

        @Parameters(index = "1", paramLabel = "KIND", description = "The plugin: webhook, discord, ntfy, gotify, telegram, email (see 'notifiers kinds').")
        String kind;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting; repeat for each.")
        Map<String, String> settings = new LinkedHashMap<>();

        @Option(names = "--events", paramLabel = "LIST", description = "What to be told of, comma-separated: grabbed, imported, failed, "
                + "check-problems, new-volume, peer-down (default: all).")
        String events;

        @Option(names = "--language", paramLabel = "fr|en", description = "The language of the messages (default: fr).")
        String language;

        @Override
        public Integer call() {
            Map<String, String> all = new LinkedHashMap<>(settings);
            if (events != null) {
                all.put("events", events);
            }
            if (language != null) {
                all.put("language", language);
            }
            try (Kanzen kanzen = parent.top.open()) {
                System.out.println("saved " + InstancesCommand.describe(kanzen.saveNotifier(name, kind, all)));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the notifiers, secrets masked.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        NotifiersCommand parent;

        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                for (ConfiguredInstance c : kanzen.notifiers()) {
                    System.out.println(json ? Json.write(Map.of("name", c.name(), "kind", c.kind(), "settings", c.settings()))
                            : InstancesCommand.describe(c));
                }
            }
            return 0;
        }
    }

    @Command(name = "kinds", description = "Lists the notifier kinds installed and their settings.")
    static final class Kinds implements Callable<Integer> {
        @ParentCommand
        NotifiersCommand parent;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                for (LoadedPlugin p : kanzen.plugins()) {
                    for (NotifierFactory f : p.plugin().notifierFactories()) {
                        System.out.println(f.name() + " (plugin " + p.name() + ")");
                        List<ConfigProperty> properties = kanzen.notifierProperties(f.name());
                        for (ConfigProperty c : properties) {
                            System.out.println("  " + c.key() + (c.required() ? " (required)" : "") + (c.secret() ? " (secret)" : "")
                                    + (c.defaultValue() != null ? " default " + c.defaultValue() : "")
                                    + (c.description().isEmpty() ? "" : ": " + c.description()));
                        }
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "test", description = "Sends a test message now, whatever the events chosen.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        NotifiersCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                kanzen.testNotifier(name);
                System.out.println(name + ": test message sent");
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Removes a notifier (the history keeps what it did).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        NotifiersCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                kanzen.removeNotifier(name);
                System.out.println("removed " + name);
            }
            return 0;
        }
    }
}
