package io.kanzen.cli;

import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "sources", description = {"Sets up sources (prowlarr).",
    "Example: kanzen sources add prowlarr --set url=http://localhost:9696 --set apiKey=..."},
        subcommands = {InstancesCommand.Add.class, InstancesCommand.ListAll.class, InstancesCommand.Test.class, InstancesCommand.Remove.class, InstancesCommand.Deadline.class,
            SourcesCommand.Choices.class})
final class SourcesCommand extends InstancesCommand {
    @Command(name = "choices", description = "Lists the values the source offers for a setting (prowlarr: indexerIds, categories).")
    static final class Choices implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SourcesCommand parent;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "NAME")
        String name;

        @picocli.CommandLine.Parameters(index = "1", paramLabel = "SETTING")
        String setting;

        @Override
        public Integer call() {
            try (Kanzen kanzen = parent.top.open()) {
                kanzen.sourceChoices(name, setting).forEach(c -> System.out.println(c.value() + "\t" + c.label()));
            }
            return 0;
        }
    }

    @Override
    ConfiguredInstance save(Kanzen kanzen, String name, String kind, Map<String, String> settings) {
        return kanzen.saveSource(name, kind, settings);
    }

    @Override
    List<ConfiguredInstance> list(Kanzen kanzen) {
        return kanzen.sources();
    }

    @Override
    void test(Kanzen kanzen, String name) {
        kanzen.testSource(name);
    }

    @Override
    Map<io.kanzen.core.PluginCall, java.time.Duration> deadlines(Kanzen kanzen, String name) {
        return kanzen.sourceDeadlines(name);
    }

    @Override
    void setDeadline(Kanzen kanzen, String name, io.kanzen.core.PluginCall call, java.time.Duration deadline) {
        kanzen.setSourceDeadline(name, call, deadline);
    }

    @Override
    void remove(Kanzen kanzen, String name) {
        kanzen.removeSource(name);
    }
}
