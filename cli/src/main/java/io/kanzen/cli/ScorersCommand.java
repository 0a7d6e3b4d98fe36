package io.kanzen.cli;

import io.kanzen.core.ConfiguredInstance;
import io.kanzen.core.Kanzen;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "scorers", description = {"Enables scorer plugins: each adds its parts to every judged release and may turn one down.",
    "Example: kanzen scorers add filters --set reject='\\bscans?\\b' --set preferredWords=HQ=10",
    "         kanzen scorers add one-piece-rules --type filters --set series='One Piece' --set rejectGroups=BadTeam"},
        subcommands = {InstancesCommand.Add.class, InstancesCommand.ListAll.class, InstancesCommand.Test.class, InstancesCommand.Remove.class})
final class ScorersCommand extends InstancesCommand {
    @Override
    ConfiguredInstance save(Kanzen kanzen, String name, String kind, Map<String, String> settings) {
        return kanzen.saveScorer(name, kind, settings);
    }

    @Override
    List<ConfiguredInstance> list(Kanzen kanzen) {
        return kanzen.scorers();
    }

    @Override
    void test(Kanzen kanzen, String name) {
        kanzen.testScorer(name);
    }

    @Override
    void remove(Kanzen kanzen, String name) {
        kanzen.removeScorer(name);
    }
}
