package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "config", description = {"Prints the monitor settings in force (data/missing_monitor_config.json) and, when the file",
    "is invalid or missing, the problem and which settings are used instead. Exit 1 when there is a problem."})
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @picocli.CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE", description = {"Changes a setting, the others kept; repeat for each.",
        "Example: kanzen config --set autoDownload=true --set checkInterval=12h"})
    java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        try (Kanzen kanzen = top.open()) {
            if (!changes.isEmpty()) {
                kanzen.updateMonitorConfig(changes);
            }
            MonitorConfig c = kanzen.monitorConfig();
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c));
            String problem = kanzen.monitorConfigProblem();
            if (problem != null) {
                System.err.println("kanzen: " + problem);
                return 1;
            }
        }
        return 0;
    }
}
