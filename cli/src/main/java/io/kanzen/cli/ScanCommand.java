package io.kanzen.cli;

import io.kanzen.core.Kanzen;
import io.kanzen.core.ScanProblem;
import io.kanzen.core.ScanReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "scan", description = "Reads the library folders: series, volume files, what changed.")
final class ScanCommand implements Callable<Integer> {
    @ParentCommand
    KanzenCommand top;

    @Option(names = "--library", paramLabel = "NAME", description = "Only this library (default: all).")
    String library;

    @Option(names = "--full", description = "List every folder and read every file again, also those unchanged since the last scan "
            + "(a file rewritten in place under the same name is seen only then, or when its folder changes).")
    boolean full;

    @Option(names = "--problems", paramLabel = "N", defaultValue = "20", description = "Problems to list per library (default 20).")
    int maxProblems;

    @Override
    public Integer call() {
        try (Kanzen kanzen = top.open()) {
            List<ScanReport> reports = kanzen.scan(library, full);
            if (reports.isEmpty()) {
                System.out.println("no library yet: add one with 'kanzen library add NAME PATH'");
            }
            for (ScanReport r : reports) {
                System.out.printf("%s: %d series, %d files (%d new, %d changed, %d unchanged, %d removed; %d folders unchanged) in %d ms%n",
                        r.library(), r.series(), r.files(), r.added(), r.changed(), r.unchanged(), r.removed(), r.foldersUnchanged(),
                        r.took().toMillis());
                List<ScanProblem> problems = r.problems();
                for (ScanProblem p : problems.subList(0, Math.min(problems.size(), maxProblems))) {
                    System.out.println("  " + p.kind().name().toLowerCase().replace('_', ' ') + ": " + p.path() + ": " + p.message());
                }
                if (problems.size() > maxProblems) {
                    System.out.println("  ... and " + (problems.size() - maxProblems) + " more problems");
                }
            }
        }
        return 0;
    }
}
