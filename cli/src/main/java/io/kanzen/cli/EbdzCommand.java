package io.kanzen.cli;

import io.kanzen.api.source.IndexReport;
import io.kanzen.core.Kanzen;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ebdz", description = "The EBDZ forum source.", subcommands = EbdzCommand.Crawl.class)
final class EbdzCommand {
    @ParentCommand
    KanzenCommand top;

    @Command(name = "crawl", description = {"Reads the configured forums into the local index (only the threads that changed),",
        "resuming where an interrupted crawl stopped. Searches then read the index."})
    static final class Crawl implements Callable<Integer> {
        @ParentCommand
        EbdzCommand ebdz;

        @Option(names = "--source", paramLabel = "NAME", description = "The configured EBDZ source (default: the first).")
        String source;

        @Option(names = "--quiet", description = "Only the summary.")
        boolean quiet;

        @Override
        public Integer call() {
            try (Kanzen kanzen = ebdz.top.open()) {
                IndexReport r = kanzen.refreshIndex(source, line -> {
                    if (!quiet) {
                        System.out.println(line);
                    }
                });
                System.out.println("crawl done: " + r.pagesFetched() + " pages read, " + r.itemsUpdated() + " threads indexed, "
                        + r.itemsUnchanged() + " unchanged, " + r.linksInIndex() + " links in the index");
            }
            return 0;
        }
    }
}
