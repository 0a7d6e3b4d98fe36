package io.kanzen.cli;

import io.kanzen.core.ConfiguredClient;
import io.kanzen.core.Kanzen;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "clients", description = "Sets up download clients (qBittorrent, aMule).",
        subcommands = {ClientsCommand.Add.class, ClientsCommand.ListClients.class, ClientsCommand.Test.class, ClientsCommand.Remove.class})
final class ClientsCommand {
    @ParentCommand
    KanzenCommand top;

    @Command(name = "add", description = {"Adds a client, or changes the one of that name.",
        "Example: kanzen clients add qbittorrent --set url=http://localhost:8080 --set username=admin --set password=...",
        "Secret settings are stored encrypted; on a change, leave the password out to keep it."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ClientsCommand clients;

        @Parameters(index = "0", paramLabel = "NAME", description = "A name of yours (default kind: the same word).")
        String name;

        @Option(names = "--type", paramLabel = "KIND", description = "The plugin: qbittorrent or amule (default: NAME).")
        String kind;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting; repeat for each.")
        Map<String, String> settings = new LinkedHashMap<>();

        @Override
        public Integer call() {
            try (Kanzen kanzen = clients.top.open()) {
                ConfiguredClient c = kanzen.saveClient(name, kind != null ? kind : name, settings);
                System.out.println("saved " + describe(c));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the clients, secrets masked.")
    static final class ListClients implements Callable<Integer> {
        @ParentCommand
        ClientsCommand clients;

        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        public Integer call() {
            try (Kanzen kanzen = clients.top.open()) {
                for (ConfiguredClient c : kanzen.clients()) {
                    System.out.println(json ? Json.write(Map.of("name", c.name(), "kind", c.kind(), "settings", c.settings())) : describe(c));
                }
            }
            return 0;
        }
    }

    @Command(name = "test", description = "Checks that a client answers and accepts its credentials.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        ClientsCommand clients;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = clients.top.open()) {
                kanzen.testClient(name);
                System.out.println(name + ": connection OK");
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Removes a client (its past downloads stay in the history).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ClientsCommand clients;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Kanzen kanzen = clients.top.open()) {
                kanzen.removeClient(name);
                System.out.println("removed " + name);
            }
            return 0;
        }
    }

    static String describe(ConfiguredClient c) {
        StringBuilder b = new StringBuilder(c.name()).append(" (").append(c.kind()).append(")");
        c.settings().forEach((k, v) -> b.append("  ").append(k).append('=').append(v));
        return b.toString();
    }
}
