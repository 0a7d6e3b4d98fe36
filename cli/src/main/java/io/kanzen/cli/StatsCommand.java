package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.MonitorStats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", description = "Series monitored, volumes missing, downloads sent.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            MonitorStats s = kanzen.stats();
            if (json) {
                System.out.println(Json.write(s));
            } else {
                System.out.println("series monitored: " + s.seriesMonitored());
                System.out.println("volumes missing:  " + s.volumesMissing());
                System.out.println("downloads sent:   " + s.downloadsSent() + " (" + s.downloadsImported() + " imported, " + s.downloadsFailed() + " failed)");
                System.out.println("searches:         " + s.searches());
            }
        }
        return 0;
    }
}
