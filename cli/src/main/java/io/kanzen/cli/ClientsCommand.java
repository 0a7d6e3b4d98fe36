package io.kanzen.cli;

import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "clients", description = {"Sets up download clients (qbittorrent, amule).",
    "Example: kanzen clients add qbittorrent --set url=http://localhost:8080 --set username=admin --set password=..."},
        subcommands = {InstancesCommand.Add.class, InstancesCommand.ListAll.class, InstancesCommand.Test.class, InstancesCommand.Remove.class, InstancesCommand.Deadline.class})
final class ClientsCommand extends InstancesCommand {
    @Override
    ConfiguredInstance save(Kanzen kanzen, String name, String kind, Map<String, String> settings) {
        return kanzen.saveClient(name, kind, settings);
    }

    @Override
    List<ConfiguredInstance> list(Kanzen kanzen) {
        return kanzen.clients();
    }

    @Override
    void test(Kanzen kanzen, String name) {
        kanzen.testClient(name);
    }

    @Override
    Map<io.kanzen.core.PluginCall, java.time.Duration> deadlines(Kanzen kanzen, String name) {
        return kanzen.clientDeadlines(name);
    }

    @Override
    void setDeadline(Kanzen kanzen, String name, io.kanzen.core.PluginCall call, java.time.Duration deadline) {
        kanzen.setClientDeadline(name, call, deadline);
    }

    @Override
    void remove(Kanzen kanzen, String name) {
        kanzen.removeClient(name);
    }
}
